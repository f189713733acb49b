namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// Metrics as JSON can carry them: JSON has no NaN or infinity, and services store them (a CI bound without enough
/// rounds, a speedup over a zero-time baseline); such entries are left out rather than failing the response.
/// </summary>
internal static class FiniteMetrics
{
    /// <summary>The finite entries of <paramref name="metrics"/>, in key order.</summary>
    public static IReadOnlyDictionary<string, double> Of(IReadOnlyDictionary<string, double> metrics) =>
        metrics.Where(m => double.IsFinite(m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    /// <summary>The value, or null when it is not finite.</summary>
    public static double? Of(double value) => double.IsFinite(value) ? value : null;
}
