using System.Globalization;

namespace Sigil.Optimizers.Strategies.Configuration;

/// <summary>
/// One parameter an optimizer accepts: its name (kebab-case, as users type it), type, default, valid range and what
/// it does. <see cref="OptimizerSettings"/> reads and checks values against it.
/// </summary>
public sealed class OptimizerParameter
{
    private OptimizerParameter(string name, ParameterKind kind, string defaultValue, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(defaultValue);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Name = name;
        Kind = kind;
        Default = defaultValue;
        Description = description;
    }

    /// <summary>The name, e.g. <c>islands</c>.</summary>
    public string Name { get; }

    /// <summary>The type of its value.</summary>
    public ParameterKind Kind { get; }

    /// <summary>The default value as text (invariant culture).</summary>
    public string Default { get; }

    /// <summary>What the parameter does.</summary>
    public string Description { get; }

    /// <summary>The smallest valid value of a number or integer; <c>null</c> when unbounded.</summary>
    public double? Minimum { get; private init; }

    /// <summary>True when <see cref="Minimum"/> itself is not valid.</summary>
    public bool MinimumExclusive { get; private init; }

    /// <summary>The largest valid value of a number or integer; <c>null</c> when unbounded.</summary>
    public double? Maximum { get; private init; }

    /// <summary>True when <see cref="Maximum"/> itself is not valid.</summary>
    public bool MaximumExclusive { get; private init; }

    /// <summary>The valid words of a <see cref="ParameterKind.Choice"/>; empty otherwise.</summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    private string Syntax { get; init; } = "text";

    /// <summary>What is valid, in words (<c>an integer from 1 to 64</c>), for messages and help.</summary>
    public string ValidValues => Kind switch
    {
        ParameterKind.Integer => "an integer " + Range(),
        ParameterKind.Number => "a number " + Range(),
        ParameterKind.Boolean => "true or false",
        ParameterKind.Choice => "one of " + string.Join(", ", Choices),
        _ => Syntax,
    };

    /// <summary>An integer parameter valid from <paramref name="minimum"/> to <paramref name="maximum"/> (inclusive).</summary>
    public static OptimizerParameter Integer(string name, int defaultValue, int minimum, int maximum, string description)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, maximum);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultValue, minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(defaultValue, maximum);
        return new OptimizerParameter(name, ParameterKind.Integer, defaultValue.ToString(CultureInfo.InvariantCulture), description)
        {
            Minimum = minimum,
            Maximum = maximum,
        };
    }

    /// <summary>A real-number parameter valid between <paramref name="minimum"/> and <paramref name="maximum"/> (each bound inclusive unless said otherwise).</summary>
    public static OptimizerParameter Number(
        string name, double defaultValue, double minimum, double maximum, string description, bool minimumExclusive = false, bool maximumExclusive = false)
    {
        var parameter = new OptimizerParameter(name, ParameterKind.Number, defaultValue.ToString("R", CultureInfo.InvariantCulture), description)
        {
            Minimum = minimum,
            Maximum = maximum,
            MinimumExclusive = minimumExclusive,
            MaximumExclusive = maximumExclusive,
        };
        if (!parameter.InRange(defaultValue))
        {
            throw new ArgumentOutOfRangeException(nameof(defaultValue), defaultValue, $"The default of '{name}' is not {parameter.ValidValues}.");
        }
        return parameter;
    }

    /// <summary>A <c>true</c>/<c>false</c> parameter.</summary>
    public static OptimizerParameter Boolean(string name, bool defaultValue, string description) =>
        new(name, ParameterKind.Boolean, defaultValue ? "true" : "false", description);

    /// <summary>A parameter whose value is one of <paramref name="choices"/> (compared ignoring case).</summary>
    public static OptimizerParameter Choice(string name, string defaultValue, IReadOnlyList<string> choices, string description)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (!choices.Contains(defaultValue, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The default '{defaultValue}' is not among the choices.", nameof(defaultValue));
        }
        return new OptimizerParameter(name, ParameterKind.Choice, defaultValue, description) { Choices = [.. choices] };
    }

    /// <summary>A text parameter with its own syntax, described by <paramref name="syntax"/> (checked by the optimizer).</summary>
    public static OptimizerParameter Text(string name, string defaultValue, string syntax, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(syntax);
        return new OptimizerParameter(name, ParameterKind.Text, defaultValue, description) { Syntax = syntax };
    }

    /// <summary>True when <paramref name="value"/> is within the bounds.</summary>
    public bool InRange(double value) =>
        !double.IsNaN(value)
        && (Minimum is not { } min || (MinimumExclusive ? value > min : value >= min))
        && (Maximum is not { } max || (MaximumExclusive ? value < max : value <= max));

    /// <inheritdoc />
    public override string ToString() => $"{Name}={Default}";

    private string Range()
    {
        string Bound(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        return (Minimum, Maximum) switch
        {
            ({ } min, { } max) when !MinimumExclusive && !MaximumExclusive => $"from {Bound(min)} to {Bound(max)}",
            ({ } min, { } max) => $"{(MinimumExclusive ? "greater than" : "at least")} {Bound(min)} and {(MaximumExclusive ? "less than" : "at most")} {Bound(max)}",
            ({ } min, null) => $"{(MinimumExclusive ? "greater than" : "at least")} {Bound(min)}",
            (null, { } max) => $"{(MaximumExclusive ? "less than" : "at most")} {Bound(max)}",
            _ => "of any value",
        };
    }
}
