using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary>One evaluation of a candidate.</summary>
public sealed record EvaluationInfo
{
    /// <summary>The evaluation id, <c>b3:…</c>.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The evaluator (<c>…#holdout</c> for the acceptance check, <c>…#compare</c> for comparisons).</summary>
    [JsonPropertyName("evaluator")] public string Evaluator { get; init; } = "";

    /// <summary>The evaluator's version.</summary>
    [JsonPropertyName("version")] public string Version { get; init; } = "";

    /// <summary>The sample set's digest.</summary>
    [JsonPropertyName("sampleSet")] public string SampleSet { get; init; } = "";

    /// <summary>Correct.</summary>
    [JsonPropertyName("correct")] public bool Correct { get; init; }

    /// <summary>Why not.</summary>
    [JsonPropertyName("errorClass")] public string? ErrorClass { get; init; }

    /// <summary>Metrics.</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>When.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }
}
