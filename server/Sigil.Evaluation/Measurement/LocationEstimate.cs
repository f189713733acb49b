namespace Sigil.Evaluation.Measurement;

/// <summary>
/// A (trimmed) mean with its standard error and Student-t interval: the one estimator the timing and score comparisons
/// share. With <c>trim</c> = 0 it is the textbook one-sample t interval; with <c>trim</c> = γ &gt; 0 it is the
/// Tukey–McLaughlin/Yuen interval for the γ-trimmed mean (Wilcox, <i>Introduction to Robust Estimation and Hypothesis
/// Testing</i>, §4.4): g = ⌊γn⌋ values are dropped at each end, h = n − 2g remain; the standard error is
/// s_w·√(n−1)/√(h(h−1)) where s_w² is the variance (n−1 denominator) of the sample winsorized at g; the interval uses
/// t with h − 1 degrees of freedom.
/// </summary>
/// <param name="Count">How many values (n).</param>
/// <param name="Mean">The γ-trimmed mean (the plain mean when γ = 0).</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="DegreesOfFreedom">h − 1.</param>
/// <param name="Interval">The two-sided interval.</param>
internal readonly record struct LocationEstimate(int Count, double Mean, double StandardError, int DegreesOfFreedom, ConfidenceInterval Interval)
{
    /// <summary>Estimates the location of <paramref name="values"/> (finite, at least 2 after trimming).</summary>
    public static LocationEstimate Of(ReadOnlySpan<double> values, double trim, double level)
    {
        if (!(trim >= 0 && trim < 0.5)) throw new ArgumentOutOfRangeException(nameof(trim), trim, "The trimming share must be in [0, 0.5).");
        ConfidenceInterval.CheckLevel(level, nameof(level));
        var n = values.Length;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var g = (int)Math.Floor(trim * n);
        var h = n - 2 * g;
        if (h < 2) throw new ArgumentException($"{n} values leave {h} after trimming {trim:0.##} at each end; at least 2 are needed.", nameof(values));

        var mean = 0.0;
        for (var i = g; i < n - g; i++) mean += sorted[i];
        mean /= h;

        // Winsorized variance: the g lowest values replaced by the (g+1)-th, the g highest by the (n−g)-th.
        var winsorizedMean = 0.0;
        for (var i = 0; i < n; i++) winsorizedMean += Winsorized(sorted, i, g);
        winsorizedMean /= n;
        var sumSquares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = Winsorized(sorted, i, g) - winsorizedMean;
            sumSquares += d * d;
        }
        // s_w²·(n−1) = sumSquares, so SE² = sumSquares / (h(h−1)).
        var standardError = Math.Sqrt(sumSquares / ((double)h * (h - 1)));
        var degrees = h - 1;
        var t = StudentT.Quantile(0.5 + level / 2, degrees);
        return new LocationEstimate(n, mean, standardError, degrees, new ConfidenceInterval(mean - t * standardError, mean + t * standardError, level));
    }

    private static double Winsorized(double[] sorted, int i, int g) => sorted[Math.Clamp(i, g, sorted.Length - 1 - g)];
}
