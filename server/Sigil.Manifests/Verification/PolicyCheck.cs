using System.Globalization;
using Sigil.Manifests.Model;

namespace Sigil.Manifests.Verification;

/// <summary>
/// Checks every pin against the policy, pins in order, constraints in ordinal order of metric name, then
/// non-inferiority; returns the first violation. A constraint on a metric the pin lacks is a violation; so is a
/// non-inferiority rule on a metric without a confidence interval in the pin's evidence.
/// </summary>
internal static class PolicyCheck
{
    public static VerificationResult? FirstViolation(ManifestDocument document)
    {
        var policy = document.Policy;
        for (var i = 0; i < document.Pins.Count; i++)
        {
            var pin = document.Pins[i];
            var label = ManifestVerifier.Label(pin, i);
            foreach (var (metric, constraint) in policy.Constraints.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (!pin.Metrics.TryGetValue(metric, out var actual))
                {
                    return Violation(pin, $"{label} has no metric '{metric}', which policy.constraints requires; measure it or drop the pin.");
                }
                if (!constraint.IsSatisfiedBy(actual))
                {
                    return Violation(pin,
                        $"{label} has {metric} = {Text(actual)}, which fails policy.constraints.{metric} ({constraint.Op} {Text(constraint.Value)}).");
                }
            }
            if (policy.NonInferiority is { } rule)
            {
                if (!pin.Evidence.Ci.TryGetValue(rule.Metric, out var interval))
                {
                    return Violation(pin,
                        $"{label} has no evidence.ci for '{rule.Metric}', which policy.non_inferiority requires (the CI of candidate − baseline).");
                }
                if (interval.Low < rule.Delta)
                {
                    return Violation(pin,
                        $"{label} is not non-inferior on {rule.Metric}: the lower bound {Text(interval.Low)} of the candidate − baseline CI is below delta {Text(rule.Delta)}.");
                }
            }
        }
        return null;
    }

    private static VerificationResult Violation(ManifestPin pin, string message) =>
        VerificationResult.Failure(VerificationCodes.PolicyViolation, message, pin.FunctionId.ToString());

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
