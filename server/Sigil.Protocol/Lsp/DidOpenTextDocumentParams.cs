using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>textDocument/didOpen</c>.</summary>
public sealed record DidOpenTextDocumentParams
{
    /// <summary>The opened document.</summary>
    [JsonPropertyName("textDocument")] public TextDocumentItem TextDocument { get; init; } = new();
}
