using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>textDocument/didChange</c> (the server asks for full sync: the last change holds the whole text).</summary>
public sealed record DidChangeTextDocumentParams
{
    /// <summary>The document and its new version.</summary>
    [JsonPropertyName("textDocument")] public VersionedTextDocumentIdentifier TextDocument { get; init; } = new();

    /// <summary>The changes, in order.</summary>
    [JsonPropertyName("contentChanges")] public IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; init; } = [];
}
