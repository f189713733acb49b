using System.Text.Json.Serialization;

namespace Sigil.Protocol.Compare;

/// <summary>One candidate against the baseline in fresh paired trials (stored as a <c>#compare</c> evaluation).</summary>
public sealed record ComparisonInfo
{
    /// <summary>The pin.</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The candidate.</summary>
    [JsonPropertyName("candidate")] public string Candidate { get; init; } = "";

    /// <summary>Samples replayed.</summary>
    [JsonPropertyName("samples")] public int Samples { get; init; }

    /// <summary>Same results as the baseline on every sample.</summary>
    [JsonPropertyName("correct")] public bool Correct { get; init; }

    /// <summary>The acceptance rule's verdict.</summary>
    [JsonPropertyName("improved")] public bool Improved { get; init; }

    /// <summary>The verdict in words.</summary>
    [JsonPropertyName("verdict")] public string Verdict { get; init; } = "";

    /// <summary>Speedup with CI, latency quantiles of both, scores.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
