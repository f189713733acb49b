using System.Globalization;

namespace Sigil.Cli.Output;

/// <summary>Short texts for evaluation metrics (speedup with its CI, score, quantiles).</summary>
public static class MetricText
{
    /// <summary>A speedup with its CI, <c>1.84× [1.79, 1.90]</c>, or <c>—</c> when absent.</summary>
    public static string Speedup(IReadOnlyDictionary<string, double> metrics) =>
        metrics.TryGetValue("speedup", out var s)
            ? $"{F(s)}×" + (metrics.TryGetValue("speedup_ci_low", out var lo) && metrics.TryGetValue("speedup_ci_high", out var hi) ? $" [{F(lo)}, {F(hi)}]" : "")
            : "—";

    /// <summary>A mean score with the half-width of its paired CI against the baseline, <c>40 ± 5</c>, or <c>—</c> when absent.</summary>
    public static string Score(IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue("score_mean", out var mean))
        {
            return "—";
        }
        return metrics.TryGetValue("score_delta_ci_low", out var lo) && metrics.TryGetValue("score_delta_ci_high", out var hi)
            ? $"{G(mean)} ± {G((hi - lo) / 2)}"
            : G(mean);
    }

    /// <summary>A one-line summary of the main metrics.</summary>
    public static string Summary(IReadOnlyDictionary<string, double> metrics)
    {
        var parts = new List<string>();
        if (metrics.ContainsKey("speedup"))
        {
            parts.Add("speedup " + Speedup(metrics));
        }
        if (metrics.ContainsKey("score_mean"))
        {
            parts.Add("score " + Score(metrics));
        }
        if (metrics.TryGetValue("p50_ns", out var p50) && metrics.TryGetValue("p99_ns", out var p99))
        {
            parts.Add($"p50 {Ns(p50)}, p99 {Ns(p99)}");
        }
        return parts.Count == 0 ? $"{metrics.Count} metrics" : string.Join("; ", parts);
    }

    /// <summary>Nanoseconds in a readable unit.</summary>
    public static string Ns(double ns) => ns switch
    {
        >= 1e9 => $"{F(ns / 1e9)} s",
        >= 1e6 => $"{F(ns / 1e6)} ms",
        >= 1e3 => $"{F(ns / 1e3)} µs",
        _ => $"{ns.ToString("0", CultureInfo.InvariantCulture)} ns",
    };

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
