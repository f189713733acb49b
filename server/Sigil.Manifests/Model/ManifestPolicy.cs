using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>What every pin of the manifest must satisfy.</summary>
/// <param name="Constraints">Bounds by metric name; a pin lacking a constrained metric violates the policy.</param>
/// <param name="NonInferiority">The non-inferiority rule, or null for none.</param>
public sealed record ManifestPolicy(
    [property: JsonPropertyName("constraints")] IReadOnlyDictionary<string, MetricConstraint> Constraints,
    [property: JsonPropertyName("non_inferiority")] NonInferiorityRule? NonInferiority);
