using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary><c>sigil/candidate/diff</c>.</summary>
public sealed record CandidateDiffParams
{
    /// <summary>The candidate: <c>diff://b3:…</c> or a unique prefix of at least 6 hex digits (required).</summary>
    [JsonPropertyName("candidate")] public string? Candidate { get; init; }
}
