using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>window/logMessage</c>.</summary>
public sealed record LogMessageParams
{
    /// <summary><see cref="MessageType"/>.</summary>
    [JsonPropertyName("type")] public int Type { get; init; } = MessageType.Info;

    /// <summary>The text.</summary>
    [JsonPropertyName("message")] public string Message { get; init; } = "";
}
