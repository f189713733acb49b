using Sigil.Manifests.Model;

namespace Sigil.Trust.Policy;

/// <summary>
/// Checks one pin's metrics and evidence against a policy as the manifest verifier will (constraints in ordinal order
/// of metric name, then non-inferiority; a missing metric fails), and words the first unmet clause for people.
/// </summary>
internal static class PolicyCheck
{
    /// <summary>The first unmet clause, e.g. <c>speedup_ci_low &gt; 1 is not met (0.987)</c>; null when all are met.</summary>
    public static string? FirstUnmet(ManifestPolicy policy, IReadOnlyDictionary<string, double> metrics, PinEvidence evidence)
    {
        foreach (var (metric, constraint) in policy.Constraints.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var clause = new PolicyClause(metric, constraint.Op, constraint.Value);
            if (!metrics.TryGetValue(metric, out var actual))
            {
                return $"{clause} cannot be checked: the evidence has no {metric}";
            }
            if (!constraint.IsSatisfiedBy(actual))
            {
                return $"{clause} is not met ({PolicyClause.Number(actual, constraint.Value)})";
            }
        }
        if (policy.NonInferiority is { } rule)
        {
            var clause = $"non-inferiority {rule.Metric} >= {PolicyClause.Number(rule.Delta)}";
            if (!evidence.Ci.TryGetValue(rule.Metric, out var interval))
            {
                return $"{clause} cannot be checked: the evidence has no confidence interval for {rule.Metric}";
            }
            if (interval.Low < rule.Delta)
            {
                return $"{clause} is not met (the interval's lower bound is {PolicyClause.Number(interval.Low, rule.Delta)})";
            }
        }
        return null;
    }
}
