using System.Globalization;
using Sigil.Manifests.Model;

namespace Sigil.Trust.Evidence;

/// <summary>One line of evidence for people (result lists, commit messages): speedup and score difference with intervals, trials, samples.</summary>
internal static class EvidenceText
{
    public static string Describe(IReadOnlyDictionary<string, double> metrics, PinEvidence evidence)
    {
        var level = metrics.TryGetValue("confidence", out var confidence) ? $"{Math.Round(confidence * 100, 1).ToString(CultureInfo.InvariantCulture)}% CI" : "CI";
        var parts = new List<string>();
        if (metrics.TryGetValue(EvidenceMetrics.Speedup, out var speedup))
        {
            var interval = evidence.Ci.TryGetValue(EvidenceMetrics.SpeedupCi, out var ci) ? $" ({level} {N(ci.Low)}–{N(ci.High)})" : "";
            parts.Add($"speedup {N(speedup)}×{interval}");
        }
        if (metrics.TryGetValue(EvidenceMetrics.ScoreDelta, out var delta))
        {
            var interval = evidence.Ci.TryGetValue(EvidenceMetrics.ScoreDeltaCi, out var ci) ? $" ({level} {N(ci.Low)}–{N(ci.High)})" : "";
            parts.Add($"score Δ {N(delta)}{interval}");
        }
        parts.Add($"{evidence.NTrials.ToString(CultureInfo.InvariantCulture)} trials");
        if (metrics.TryGetValue(EvidenceMetrics.Samples, out var samples))
        {
            var correct = metrics.GetValueOrDefault(EvidenceMetrics.CorrectSamples, samples);
            parts.Add($"{N(correct)}/{N(samples)} samples correct");
        }
        return string.Join(", ", parts);
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
