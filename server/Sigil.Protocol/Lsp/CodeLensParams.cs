using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>textDocument/codeLens</c>.</summary>
public sealed record CodeLensParams
{
    /// <summary>The document whose lenses are asked for.</summary>
    [JsonPropertyName("textDocument")] public TextDocumentIdentifier TextDocument { get; init; } = new();
}
