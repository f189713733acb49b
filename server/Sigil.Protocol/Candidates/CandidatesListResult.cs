using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary>The answer to <c>sigil/candidates/list</c>: per workspace and pin, correct first, fastest first.</summary>
public sealed record CandidatesListResult
{
    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The candidates (empty when the spec has none yet).</summary>
    [JsonPropertyName("candidates")] public IReadOnlyList<CandidateSummary> Candidates { get; init; } = [];
}
