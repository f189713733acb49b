using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary>One pin of a promoted manifest.</summary>
public sealed record PromotedPinInfo
{
    /// <summary>The pin's qualified name.</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The pin's FunctionID.</summary>
    [JsonPropertyName("functionId")] public string FunctionId { get; init; } = "";

    /// <summary>The approved candidate.</summary>
    [JsonPropertyName("candidate")] public string Candidate { get; init; } = "";

    /// <summary>The evidence's evaluator.</summary>
    [JsonPropertyName("evaluator")] public string Evaluator { get; init; } = "";

    /// <summary>The evidence in words.</summary>
    [JsonPropertyName("evidence")] public string Evidence { get; init; } = "";

    /// <summary>The evidence's metrics.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The compiled artifact's digest, or null without one (prod then serves the baseline).</summary>
    [JsonPropertyName("artifactDigest")] public string? ArtifactDigest { get; init; }
}
