using System.Globalization;

namespace Sigil.Benchmarks.Lsp;

/// <summary>Nearest-rank percentiles of a set of latencies (p95 of 20 values is the 19th smallest), in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Min, double Max, double Mean)
{
    /// <summary>The summary of <paramref name="milliseconds"/> (not empty).</summary>
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no latencies", nameof(milliseconds));
        }
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[0], sorted[^1], sorted.Average());
    }

    /// <summary>A markdown table row: name, requests, p50, p95, p99, min, max, mean, and the p50 and p95 against <paramref name="baseline"/>.</summary>
    public string Row(string name, LatencySummary? baseline = null) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Count} | {P50:F2} | {P95:F2} | {P99:F2} | {Min:F2} | {Max:F2} | {Mean:F2} | {(baseline is null ? "" : $"{P50 / baseline.P50:F2}")} | {(baseline is null ? "" : $"{P95 / baseline.P95:F2}")} |");

    /// <summary>The header of <see cref="Row"/>'s table.</summary>
    public const string Header = "| Request | n | p50 ms | p95 ms | p99 ms | min ms | max ms | mean ms | p50 vs baseline | p95 vs baseline |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static double Rank(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
