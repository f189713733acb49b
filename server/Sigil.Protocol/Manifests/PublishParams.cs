using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Protocol.Manifests;

/// <summary><c>sigil/manifest/publish</c>: the options of <c>sigil publish</c>.</summary>
public sealed record PublishParams
{
    /// <summary>The manifest file (default sigil.manifest.json; relative to the project folder).</summary>
    [JsonPropertyName("manifest")] public string? Manifest { get; init; }

    /// <summary>The new branch (default sigil/publish-&lt;manifest id&gt;); it must not exist.</summary>
    [JsonPropertyName("branch")] public string? Branch { get; init; }

    /// <summary>Where to write the .patch (default under .git/sigil/patches/).</summary>
    [JsonPropertyName("patch")] public string? Patch { get; init; }

    /// <summary>The built assembly for the ABI check.</summary>
    [JsonPropertyName("assembly")] public string? Assembly { get; init; }

    /// <summary>A client progress token: the publish steps are reported on it.</summary>
    [JsonPropertyName("workDoneToken")] public JsonElement? WorkDoneToken { get; init; }
}
