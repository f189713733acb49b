using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary><c>sigil/manifest/verify</c>.</summary>
public sealed record VerifyParams
{
    /// <summary>The manifest file (default: the resolver's manifest in sigil.json, else sigil.manifest.json; relative to the project folder).</summary>
    [JsonPropertyName("manifest")] public string? Manifest { get; init; }

    /// <summary>The built assembly for the ABI check (default: the project's newest build output).</summary>
    [JsonPropertyName("assembly")] public string? Assembly { get; init; }
}
