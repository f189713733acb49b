using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary>The answer to <c>sigil/manifest/promote</c>.</summary>
public sealed record PromoteResultInfo
{
    /// <summary>The manifest's id.</summary>
    [JsonPropertyName("manifestId")] public string ManifestId { get; init; } = "";

    /// <summary>Where it was written.</summary>
    [JsonPropertyName("manifestPath")] public string ManifestPath { get; init; } = "";

    /// <summary>The copy kept in .sigil/manifests.</summary>
    [JsonPropertyName("recordPath")] public string RecordPath { get; init; } = "";

    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The workspace.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary>The manifest's sequence number.</summary>
    [JsonPropertyName("sequence")] public long Sequence { get; init; }

    /// <summary>When it expires.</summary>
    [JsonPropertyName("expiresAt")] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The signing key's id.</summary>
    [JsonPropertyName("keyId")] public string KeyId { get; init; } = "";

    /// <summary>The promoted pins.</summary>
    [JsonPropertyName("pins")] public IReadOnlyList<PromotedPinInfo> Pins { get; init; } = [];

    /// <summary>Warnings.</summary>
    [JsonPropertyName("warnings")] public IReadOnlyList<string> Warnings { get; init; } = [];
}
