using Sigil.Manifests.Json;

namespace Sigil.Manifests.Model.Parsing;

/// <summary>Metric names: non-empty, without leading or trailing whitespace.</summary>
internal static class MetricName
{
    public static void Check(string name, string path)
    {
        if (name.Length == 0 || name.Trim().Length != name.Length)
        {
            throw new JsonShapeException(path, $"'{name}' is not a metric name; use a non-empty name without surrounding spaces, e.g. 'p99_ms'.");
        }
    }
}
