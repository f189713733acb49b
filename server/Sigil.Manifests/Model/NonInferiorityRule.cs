using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>
/// Non-inferiority on one metric. Each pin's <c>evidence.ci[Metric]</c> is the confidence interval of the difference
/// candidate − baseline of that metric, oriented so that larger is better; the pin is non-inferior when the
/// interval's lower bound is at least <see cref="Delta"/> (usually a small negative margin such as -0.0002).
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Delta">The smallest acceptable lower bound of the difference.</param>
public sealed record NonInferiorityRule(
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("delta")] double Delta);
