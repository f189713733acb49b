using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary>The answer to <c>sigil/manifest/publish</c>.</summary>
public sealed record PublishResultInfo
{
    /// <summary>The manifest's id.</summary>
    [JsonPropertyName("manifestId")] public string ManifestId { get; init; } = "";

    /// <summary>The new branch.</summary>
    [JsonPropertyName("branch")] public string Branch { get; init; } = "";

    /// <summary>Its commit.</summary>
    [JsonPropertyName("commit")] public string Commit { get; init; } = "";

    /// <summary>The .patch written.</summary>
    [JsonPropertyName("patch")] public string Patch { get; init; } = "";

    /// <summary>The files changed.</summary>
    [JsonPropertyName("changedFiles")] public IReadOnlyList<string> ChangedFiles { get; init; } = [];

    /// <summary>The branch checked out before and after (unchanged).</summary>
    [JsonPropertyName("originalBranch")] public string OriginalBranch { get; init; } = "";

    /// <summary>Warnings.</summary>
    [JsonPropertyName("warnings")] public IReadOnlyList<string> Warnings { get; init; } = [];
}
