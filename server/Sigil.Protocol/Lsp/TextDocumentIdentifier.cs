using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>Names a text document by its URI.</summary>
public sealed record TextDocumentIdentifier
{
    /// <summary>The document's URI (<c>file:///...</c>).</summary>
    [JsonPropertyName("uri")] public string Uri { get; init; } = "";
}
