using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>An opened text document with its content.</summary>
public sealed record TextDocumentItem
{
    /// <summary>The document's URI.</summary>
    [JsonPropertyName("uri")] public string Uri { get; init; } = "";

    /// <summary>The language id (<c>csharp</c>, <c>json</c>).</summary>
    [JsonPropertyName("languageId")] public string LanguageId { get; init; } = "";

    /// <summary>The version.</summary>
    [JsonPropertyName("version")] public int Version { get; init; }

    /// <summary>The whole text.</summary>
    [JsonPropertyName("text")] public string Text { get; init; } = "";
}
