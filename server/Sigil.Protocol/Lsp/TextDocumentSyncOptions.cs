using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>How documents are synced.</summary>
public sealed record TextDocumentSyncOptions
{
    /// <summary>didOpen/didClose are sent.</summary>
    [JsonPropertyName("openClose")] public bool OpenClose { get; init; } = true;

    /// <summary>The change kind (<see cref="TextDocumentSyncKind"/>).</summary>
    [JsonPropertyName("change")] public int Change { get; init; } = TextDocumentSyncKind.Full;
}
