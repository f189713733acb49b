using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>textDocument/didClose</c>.</summary>
public sealed record DidCloseTextDocumentParams
{
    /// <summary>The closed document.</summary>
    [JsonPropertyName("textDocument")] public TextDocumentIdentifier TextDocument { get; init; } = new();
}
