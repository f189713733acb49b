using System.Text.Json.Serialization;

namespace Sigil.Projects.Config;

/// <summary>Resolver settings (SIGIL_MODE / SIGIL_MANIFEST override them at run time).</summary>
public sealed record ResolverConfig
{
    /// <summary>off, dev or prod.</summary>
    [JsonPropertyName("mode")] public string Mode { get; init; } = "off";

    /// <summary>Path of the manifest to load, relative to the project root.</summary>
    [JsonPropertyName("manifest")] public string? Manifest { get; init; }
}
