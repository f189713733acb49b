using Sigil.Evaluation.Measurement;

namespace Sigil.Trust.Tests.Support;

/// <summary>Evaluation metrics as a run's holdout confirmation or a comparison stores them (names from <see cref="MetricNames"/>).</summary>
internal static class HoldoutMetrics
{
    public static Dictionary<string, double> Speed(
        double speedup, double low, double high, bool accepted = true, int rounds = 100, int samples = 20, int correct = 20, double? scoreDelta = null) =>
        new()
        {
            [MetricNames.Speedup] = speedup,
            [MetricNames.SpeedupCiLow] = low,
            [MetricNames.SpeedupCiHigh] = high,
            [MetricNames.Confidence] = 0.95,
            [MetricNames.Rounds] = rounds,
            [MetricNames.Samples] = samples,
            [MetricNames.CorrectSamples] = correct,
            [MetricNames.Accepted] = accepted ? 1 : 0,
            [MetricNames.P50Ns] = 41.5,
            [MetricNames.P99Ns] = 90,
            [MetricNames.Exceptions] = 0,
            [MetricNames.ScoreDelta] = scoreDelta ?? 0,
            [MetricNames.ScoreDeltaCiLow] = scoreDelta ?? 0,
            [MetricNames.ScoreDeltaCiHigh] = scoreDelta ?? 0,
        };
}
