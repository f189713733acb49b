using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary><c>sigil/candidates/list</c>.</summary>
public sealed record CandidatesListParams
{
    /// <summary>The spec (required).</summary>
    [JsonPropertyName("spec")] public string? Spec { get; init; }

    /// <summary>Only this workspace; all when absent.</summary>
    [JsonPropertyName("workspace")] public string? Workspace { get; init; }

    /// <summary>Only this pin (qualified name, exact); all when absent.</summary>
    [JsonPropertyName("pin")] public string? Pin { get; init; }

    /// <summary>Best N per workspace and pin; 0 (the default) for all.</summary>
    [JsonPropertyName("top")] public int Top { get; init; }
}
