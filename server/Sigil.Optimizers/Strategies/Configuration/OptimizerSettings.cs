using System.Collections.Immutable;
using System.Globalization;

namespace Sigil.Optimizers.Strategies.Configuration;

/// <summary>
/// What a user sets for an optimizer: an optional system prompt replacing the optimizer's own, and parameter values as
/// invariant-culture text (<c>islands=4</c>, from the command line or <c>sigil.json</c>). Unset parameters take their
/// defaults. The typed getters check each value against its <see cref="OptimizerParameter"/> and throw
/// <see cref="OptimizerSettingsException"/> saying what is wrong and what is valid.
/// </summary>
public sealed record OptimizerSettings
{
    /// <summary>No system prompt override, every parameter at its default.</summary>
    public static OptimizerSettings Default { get; } = new();

    /// <summary>Replaces the optimizer's system prompt for the LLM generator; <c>null</c> keeps it.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Parameter values by name (names compared ignoring case).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public OptimizerSettings With(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        var values = new Dictionary<string, string>(Parameters, StringComparer.OrdinalIgnoreCase) { [name.Trim()] = value.Trim() };
        return this with { Parameters = values };
    }

    /// <summary>A copy with <paramref name="name"/> set to a number, written in invariant culture.</summary>
    public OptimizerSettings With(string name, IFormattable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return With(name, value.ToString(null, CultureInfo.InvariantCulture));
    }

    /// <summary>Settings from <c>name=value</c> pairs (as typed after <c>--param</c>).</summary>
    /// <exception cref="OptimizerSettingsException">A pair has no <c>=</c> or no name, or a name is given twice.</exception>
    public static OptimizerSettings FromPairs(IEnumerable<string> pairs, string? systemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (pair is null || equals <= 0 || string.IsNullOrWhiteSpace(pair[..equals]))
            {
                throw new OptimizerSettingsException($"The optimizer parameter '{pair}' is not of the form name=value (for example islands=4).");
            }
            var name = pair[..equals].Trim();
            if (!values.TryAdd(name, pair[(equals + 1)..].Trim()))
            {
                throw new OptimizerSettingsException($"The optimizer parameter '{name}' is given twice; give it once.");
            }
        }
        return new OptimizerSettings { Parameters = values, SystemPrompt = systemPrompt };
    }

    /// <summary>
    /// Checks that every parameter set is one of <paramref name="parameters"/> and that every value is valid, and that
    /// the system prompt override, if any, is not blank.
    /// </summary>
    /// <exception cref="OptimizerSettingsException">The first problem found, naming <paramref name="optimizer"/>.</exception>
    public void Validate(string optimizer, IReadOnlyList<OptimizerParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (SystemPrompt is not null && string.IsNullOrWhiteSpace(SystemPrompt))
        {
            throw new OptimizerSettingsException($"The {optimizer} system prompt override is empty; give a prompt or leave it unset.");
        }
        foreach (var name in Parameters.Keys.Order(StringComparer.Ordinal))
        {
            if (!parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                var known = parameters.Count == 0 ? "it has none" : "its parameters are " + string.Join(", ", parameters.Select(p => p.Name));
                throw new OptimizerSettingsException($"The optimizer '{optimizer}' has no parameter '{name}'; {known}.");
            }
        }
        foreach (var parameter in parameters)
        {
            try
            {
                _ = parameter.Kind switch
                {
                    ParameterKind.Integer => GetInt32(parameter),
                    ParameterKind.Number => GetDouble(parameter),
                    ParameterKind.Boolean => GetBoolean(parameter) ? 1 : 0,
                    _ => GetString(parameter).Length,
                };
            }
            catch (OptimizerSettingsException)
            {
                throw new OptimizerSettingsException(
                    $"The {optimizer} parameter '{parameter.Name}' must be {parameter.ValidValues}; got '{Find(parameter.Name)}'.");
            }
        }
    }

    /// <summary>The value of an integer parameter, or its default.</summary>
    /// <exception cref="OptimizerSettingsException">The value is not an integer in range.</exception>
    public int GetInt32(OptimizerParameter parameter)
    {
        var text = Raw(parameter, ParameterKind.Integer);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || !parameter.InRange(value))
        {
            throw Invalid(parameter, text);
        }
        return value;
    }

    /// <summary>The value of a number parameter, or its default.</summary>
    /// <exception cref="OptimizerSettingsException">The value is not a finite number in range.</exception>
    public double GetDouble(OptimizerParameter parameter)
    {
        var text = Raw(parameter, ParameterKind.Number);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || !parameter.InRange(value))
        {
            throw Invalid(parameter, text);
        }
        return value;
    }

    /// <summary>The value of a boolean parameter (<c>true</c>/<c>false</c>, ignoring case), or its default.</summary>
    /// <exception cref="OptimizerSettingsException">The value is neither.</exception>
    public bool GetBoolean(OptimizerParameter parameter)
    {
        var text = Raw(parameter, ParameterKind.Boolean);
        return bool.TryParse(text, out var value) ? value : throw Invalid(parameter, text);
    }

    /// <summary>The value of a choice (as spelled in <see cref="OptimizerParameter.Choices"/>) or text parameter, or its default.</summary>
    /// <exception cref="OptimizerSettingsException">A choice's value is not one of its choices.</exception>
    public string GetString(OptimizerParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Kind is not (ParameterKind.Choice or ParameterKind.Text))
        {
            throw new ArgumentException($"The parameter '{parameter.Name}' is a {parameter.Kind}, not a choice or text.", nameof(parameter));
        }
        var text = Raw(parameter, parameter.Kind);
        if (parameter.Kind == ParameterKind.Text)
        {
            return text;
        }
        return parameter.Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) ?? throw Invalid(parameter, text);
    }

    /// <summary>True when the parameter is set (not left at its default).</summary>
    public bool IsSet(OptimizerParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Find(parameter.Name) is not null;
    }

    private string Raw(OptimizerParameter parameter, ParameterKind kind)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Kind != kind)
        {
            throw new ArgumentException($"The parameter '{parameter.Name}' is a {parameter.Kind}, not a {kind}.", nameof(parameter));
        }
        return Find(parameter.Name) ?? parameter.Default;
    }

    private string? Find(string name)
    {
        if (Parameters.TryGetValue(name, out var exact))
        {
            return exact;
        }
        return Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private static OptimizerSettingsException Invalid(OptimizerParameter parameter, string text) =>
        new($"The parameter '{parameter.Name}' must be {parameter.ValidValues}; got '{text}'.");
}
