using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A text document and the version its content has after a change.</summary>
public sealed record VersionedTextDocumentIdentifier
{
    /// <summary>The document's URI.</summary>
    [JsonPropertyName("uri")] public string Uri { get; init; } = "";

    /// <summary>The version after the change (increases with each change).</summary>
    [JsonPropertyName("version")] public int Version { get; init; }
}
