namespace Sigil.Evaluation.Measurement;

/// <summary>
/// Per-call latency quantiles of one arm. Quantiles use the Hyndman–Fan type 7 estimator (the default of R, NumPy and
/// Excel's PERCENTILE.INC): for n sorted values x₁ ≤ … ≤ xₙ and probability p, h = (n − 1)p + 1 and
/// Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋); Q(0) is the minimum, Q(1) the maximum, and one value is every quantile.
/// </summary>
/// <param name="Count">How many latencies.</param>
/// <param name="Mean">The arithmetic mean, nanoseconds.</param>
/// <param name="P50">The median, nanoseconds.</param>
/// <param name="P90">The 90th percentile, nanoseconds.</param>
/// <param name="P99">The 99th percentile, nanoseconds.</param>
/// <param name="Min">The smallest, nanoseconds.</param>
/// <param name="Max">The largest, nanoseconds.</param>
public sealed record LatencyQuantiles(int Count, double Mean, double P50, double P90, double P99, double Min, double Max)
{
    /// <summary>The quantiles of <paramref name="latenciesNs"/> (at least one, each finite and ≥ 0).</summary>
    /// <exception cref="ArgumentException">No latency, or one that is negative, NaN or infinite.</exception>
    public static LatencyQuantiles Of(IEnumerable<double> latenciesNs)
    {
        ArgumentNullException.ThrowIfNull(latenciesNs);
        var sorted = latenciesNs.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("No latencies to summarize: the arm made no call.", nameof(latenciesNs));
        var sum = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(sorted[i]) || sorted[i] < 0)
            {
                throw new ArgumentException($"Latency {i + 1} is {sorted[i]} ns: latencies must be finite and non-negative.", nameof(latenciesNs));
            }
            sum += sorted[i];
        }
        Array.Sort(sorted);
        return new LatencyQuantiles(
            sorted.Length, sum / sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.9), Quantile(sorted, 0.99), sorted[0], sorted[^1]);
    }

    /// <summary>The Hyndman–Fan type 7 quantile of already sorted values (ascending, non-empty).</summary>
    /// <param name="sorted">The values, sorted ascending.</param>
    /// <param name="p">The probability, in [0, 1].</param>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("The quantile of no values is undefined.", nameof(sorted));
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        if (low >= sorted.Count - 1) return sorted[^1];
        return sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
    }
}
