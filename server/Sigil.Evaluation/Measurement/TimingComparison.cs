using System.Globalization;

namespace Sigil.Evaluation.Measurement;

/// <summary>
/// The paired comparison of a candidate's per-round time with the baseline's (see <see cref="PairedTiming"/>). Speedups
/// are baseline time / candidate time: above 1 the candidate is faster.
/// </summary>
/// <param name="Rounds">The number of paired rounds.</param>
/// <param name="Speedup">The trimmed geometric mean of the per-round ratios: exp of the trimmed mean of ln(baseline/candidate).</param>
/// <param name="Interval">The confidence interval of <see cref="Speedup"/> (the t interval of the log ratios, exponentiated).</param>
/// <param name="GeometricMeanSpeedup">The untrimmed geometric mean of the per-round ratios (every round counts, slow ones included).</param>
/// <param name="MinSpeedup">The smallest speedup worth claiming: the verdict is Faster only when the lower bound exceeds it.</param>
/// <param name="Trim">The share of log ratios trimmed at each end (0 = plain geometric mean).</param>
/// <param name="LogRatioStandardError">The standard error of the (trimmed) mean log ratio.</param>
/// <param name="BaselineMeanNs">The baseline's mean round time, nanoseconds.</param>
/// <param name="CandidateMeanNs">The candidate's mean round time, nanoseconds.</param>
/// <param name="Verdict">Faster, Slower or Inconclusive.</param>
public sealed record TimingComparison(
    int Rounds,
    double Speedup,
    ConfidenceInterval Interval,
    double GeometricMeanSpeedup,
    double MinSpeedup,
    double Trim,
    double LogRatioStandardError,
    double BaselineMeanNs,
    double CandidateMeanNs,
    TimingVerdict Verdict)
{
    /// <summary>
    /// The result in words, for acceptance reasons and generator feedback, for example
    /// <c>speedup 1.03× [0.98, 1.08] does not exclude 1.00 at 95%</c>.
    /// </summary>
    public string Describe()
    {
        var format = Interval.High - Interval.Low < 0.02 ? "F3" : "F2";
        var head = "speedup " + Speedup.ToString(format, CultureInfo.InvariantCulture) + "× " + Interval.ToString(format);
        var level = Interval.LevelText;
        var minimum = MinSpeedup.ToString("F2", CultureInfo.InvariantCulture);
        return Verdict switch
        {
            TimingVerdict.Faster => $"{head} at {level}: faster (the lower bound exceeds {minimum})",
            TimingVerdict.Slower => $"{head} at {level}: slower (the upper bound is below 1.00)",
            _ when Interval.Low > MinSpeedup =>
                $"{head} at {level} is above {minimum}, but the geometric mean of all {Rounds} rounds is "
                + GeometricMeanSpeedup.ToString(format, CultureInfo.InvariantCulture) + "×: slow rounds cancel the gain",
            _ when Interval.Low > 1 => $"{head} at {level} does not exceed the minimum speedup {minimum}",
            _ when MinSpeedup > 1 => $"{head} does not exclude 1.00 at {level} (minimum speedup {minimum})",
            _ => $"{head} does not exclude 1.00 at {level}",
        };
    }
}
