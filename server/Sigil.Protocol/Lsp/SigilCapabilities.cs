using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>capabilities.experimental.sigil</c>.</summary>
public sealed record SigilCapabilities
{
    /// <summary>The <c>sigil/&lt;noun&gt;/&lt;verb&gt;</c> requests the server answers (docs/lsp-extensions.md).</summary>
    [JsonPropertyName("methods")] public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>The Sigil project folder the server serves (the folder of sigil.json), or null when none was found.</summary>
    [JsonPropertyName("projectDirectory")] public string? ProjectDirectory { get; init; }
}
