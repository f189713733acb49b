using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A folder open in the client.</summary>
public sealed record WorkspaceFolder
{
    /// <summary>Its URI.</summary>
    [JsonPropertyName("uri")] public string Uri { get; init; } = "";

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";
}
