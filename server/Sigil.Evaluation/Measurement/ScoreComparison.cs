using System.Globalization;

namespace Sigil.Evaluation.Measurement;

/// <summary>
/// Paired eval scores (higher is better) of the baseline and the candidate on the same samples: the mean difference
/// candidate − baseline with its Student-t interval, and non-inferiority against a margin.
/// </summary>
/// <remarks>
/// The interval is the plain paired t interval (no trimming: a sample where the candidate scores much worse is exactly
/// what must count). It speaks of the population of inputs the samples were drawn from; with deterministic scores and
/// every difference equal it shrinks to that difference. Only samples both arms scored are paired; a sample the
/// baseline scored and the candidate did not (its eval threw, or returned NaN or an infinity) is counted in
/// <see cref="CandidateMissing"/>, which the acceptance rule treats as an error.
/// </remarks>
/// <param name="Pairs">Samples both arms scored (finite scores).</param>
/// <param name="CandidateMissing">Samples the baseline scored but the candidate did not.</param>
/// <param name="BaselineMissing">Samples the candidate scored but the baseline did not (left out of the pairs).</param>
/// <param name="BaselineMean">The baseline's mean score over the pairs (NaN without pairs).</param>
/// <param name="CandidateMean">The candidate's mean score over the pairs (NaN without pairs).</param>
/// <param name="MeanDelta">The mean of candidate − baseline (NaN without pairs).</param>
/// <param name="Interval">The interval of <see cref="MeanDelta"/>; unbounded with fewer than 2 pairs.</param>
/// <param name="NonInferiorityMargin">How much worse the candidate may be (≥ 0).</param>
public sealed record ScoreComparison(
    int Pairs,
    int CandidateMissing,
    int BaselineMissing,
    double BaselineMean,
    double CandidateMean,
    double MeanDelta,
    ConfidenceInterval Interval,
    double NonInferiorityMargin)
{
    /// <summary>True when the interval's lower bound is at least −<see cref="NonInferiorityMargin"/>: not worse by more than the margin.</summary>
    public bool NonInferior => Pairs > 0 && Interval.Low >= -NonInferiorityMargin;

    /// <summary>True when the interval's lower bound exceeds <paramref name="minDelta"/>: a supported improvement.</summary>
    public bool ImprovesBy(double minDelta) => Pairs > 0 && Interval.Low > minDelta;

    /// <summary>Pairs per-sample scores.</summary>
    /// <param name="baselineScores">The baseline's score per sample (null when its eval threw).</param>
    /// <param name="candidateScores">The candidate's score per sample, same samples in the same order.</param>
    /// <param name="confidence">The two-sided confidence level.</param>
    /// <param name="nonInferiorityMargin">How much worse the candidate's mean may be and still count as non-inferior.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or the margin is negative or not finite.</exception>
    public static ScoreComparison Compare(
        IReadOnlyList<double?> baselineScores,
        IReadOnlyList<double?> candidateScores,
        double confidence = PairedTiming.DefaultConfidence,
        double nonInferiorityMargin = 0)
    {
        ArgumentNullException.ThrowIfNull(baselineScores);
        ArgumentNullException.ThrowIfNull(candidateScores);
        ConfidenceInterval.CheckLevel(confidence, nameof(confidence));
        if (!(nonInferiorityMargin >= 0) || double.IsInfinity(nonInferiorityMargin))
        {
            throw new ArgumentOutOfRangeException(nameof(nonInferiorityMargin), nonInferiorityMargin, "The non-inferiority margin must be a finite number ≥ 0.");
        }
        if (baselineScores.Count != candidateScores.Count)
        {
            throw new ArgumentException($"Scores must be paired by sample: the baseline has {baselineScores.Count}, the candidate {candidateScores.Count}.", nameof(candidateScores));
        }

        var deltas = new List<double>(baselineScores.Count);
        double baselineSum = 0, candidateSum = 0;
        int candidateMissing = 0, baselineMissing = 0;
        for (var i = 0; i < baselineScores.Count; i++)
        {
            var b = baselineScores[i] is { } bs && double.IsFinite(bs) ? bs : (double?)null;
            var c = candidateScores[i] is { } cs && double.IsFinite(cs) ? cs : (double?)null;
            if (b is null)
            {
                if (c is not null) baselineMissing++;
                continue;
            }
            if (c is null)
            {
                candidateMissing++;
                continue;
            }
            baselineSum += b.Value;
            candidateSum += c.Value;
            deltas.Add(c.Value - b.Value);
        }

        var pairs = deltas.Count;
        var interval = pairs >= 2
            ? LocationEstimate.Of(deltas.ToArray(), 0, confidence).Interval
            : new ConfidenceInterval(double.NegativeInfinity, double.PositiveInfinity, confidence);
        return new ScoreComparison(
            pairs, candidateMissing, baselineMissing,
            pairs > 0 ? baselineSum / pairs : double.NaN,
            pairs > 0 ? candidateSum / pairs : double.NaN,
            pairs > 0 ? deltas.Average() : double.NaN,
            interval, nonInferiorityMargin);
    }

    /// <summary>The difference in words against <paramref name="threshold"/>, for example <c>score delta +0.012 [-0.004, +0.028] does not exclude +0.000 at 95%</c>.</summary>
    public string Describe(double threshold)
    {
        if (Pairs == 0) return "no sample was scored by both the baseline and the candidate";
        var head = "score delta " + Signed(MeanDelta) + " [" + Signed(Interval.Low) + ", " + Signed(Interval.High) + "]";
        if (Pairs < 2) return head + $" from a single pair: no interval, at least 2 scored samples are needed";
        return Interval.Low > threshold
            ? $"{head} at {Interval.LevelText}: the lower bound exceeds {Signed(threshold)}"
            : $"{head} does not exclude {Signed(threshold)} at {Interval.LevelText}";
    }

    private static string Signed(double value) => value switch
    {
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("+0.000;-0.000;+0.000", CultureInfo.InvariantCulture),
    };
}
