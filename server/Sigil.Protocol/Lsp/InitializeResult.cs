using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The answer to <c>initialize</c>.</summary>
public sealed record InitializeResult
{
    /// <summary>What the server does.</summary>
    [JsonPropertyName("capabilities")] public ServerCapabilities Capabilities { get; init; } = new();

    /// <summary>The server's name and version.</summary>
    [JsonPropertyName("serverInfo")] public ServerInfo? ServerInfo { get; init; }
}
