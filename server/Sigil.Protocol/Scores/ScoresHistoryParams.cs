using System.Text.Json.Serialization;

namespace Sigil.Protocol.Scores;

/// <summary><c>sigil/scores/history</c>.</summary>
public sealed record ScoresHistoryParams
{
    /// <summary>The spec (required).</summary>
    [JsonPropertyName("spec")] public string? Spec { get; init; }

    /// <summary>Only this workspace; all when absent.</summary>
    [JsonPropertyName("workspace")] public string? Workspace { get; init; }

    /// <summary>Only this pin (qualified name, exact); all when absent.</summary>
    [JsonPropertyName("pin")] public string? Pin { get; init; }
}
