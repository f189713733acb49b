using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>The statistics behind a pin's metrics.</summary>
/// <param name="NTrials">Number of paired trials measured.</param>
/// <param name="Ci">Confidence intervals by metric name (for non-inferiority: of candidate − baseline).</param>
public sealed record PinEvidence(
    [property: JsonPropertyName("n_trials")] long NTrials,
    [property: JsonPropertyName("ci")] IReadOnlyDictionary<string, ConfidenceInterval> Ci);
