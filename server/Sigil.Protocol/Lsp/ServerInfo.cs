using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The server's name and version.</summary>
public sealed record ServerInfo
{
    /// <summary>The name (<c>sigil-lsp</c>).</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The version.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }
}
