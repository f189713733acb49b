using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The client's name and version.</summary>
public sealed record ClientInfo
{
    /// <summary>The name, e.g. <c>Visual Studio Code</c>.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The version.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }
}
