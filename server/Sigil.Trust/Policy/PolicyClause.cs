using System.Globalization;
using System.Text.RegularExpressions;
using Sigil.Manifests.Model;
using Sigil.Trust.Errors;

namespace Sigil.Trust.Policy;

/// <summary>
/// One bound of a promotion policy as users write it: <c>METRIC OP VALUE</c> with OP one of <c>&gt;=</c>, <c>&gt;</c>,
/// <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>, e.g. <c>speedup_ci_low&gt;1</c> or <c>p99_ns &lt;= 120000</c>. For a
/// non-inferiority clause the operator is <c>&gt;=</c> and the value the margin delta: <c>score_delta&gt;=-0.0002</c>.
/// </summary>
/// <param name="Metric">The metric name (as stored in evaluations, or <c>correct</c>).</param>
/// <param name="Op">The operator.</param>
/// <param name="Value">The bound, a finite number.</param>
public sealed partial record PolicyClause(string Metric, string Op, double Value)
{
    /// <summary>Parses a clause; throws <see cref="TrustException"/> (<see cref="TrustErrorCodes.InvalidRequest"/>) saying what is wrong.</summary>
    public static PolicyClause Parse(string text)
    {
        var match = ClausePattern().Match(text ?? string.Empty);
        if (!match.Success
            || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw new TrustException(TrustErrorCodes.InvalidRequest,
                $"'{text}' is not a policy clause; write METRIC OP NUMBER with OP one of {string.Join(" ", MetricConstraint.Operators)}, e.g. 'speedup_ci_low>1' or 'p99_ns<=120000'.");
        }
        return new PolicyClause(match.Groups["metric"].Value, match.Groups["op"].Value, value);
    }

    /// <summary>The clause as a manifest constraint.</summary>
    public MetricConstraint ToConstraint() => new(Op, Value);

    /// <summary>The clause for people: <c>speedup_ci_low &gt; 1</c>.</summary>
    public override string ToString() => $"{Metric} {Op} {Number(Value)}";

    /// <summary>A number as messages write it (six significant digits).</summary>
    internal static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary><paramref name="actual"/> for a message next to <paramref name="bound"/>: in full when six digits would look equal.</summary>
    internal static string Number(double actual, double bound) =>
        actual != bound && Number(actual) == Number(bound) ? actual.ToString("R", CultureInfo.InvariantCulture) : Number(actual);

    [GeneratedRegex(@"^\s*(?<metric>[^\s<>=!]+)\s*(?<op>>=|<=|==|>|<)\s*(?<value>[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)\s*$")]
    private static partial Regex ClausePattern();
}
