using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>One change: the whole new text when <see cref="Range"/> is absent (full sync).</summary>
public sealed record TextDocumentContentChangeEvent
{
    /// <summary>The replaced range (incremental sync only; absent in full sync).</summary>
    [JsonPropertyName("range")] public Range? Range { get; init; }

    /// <summary>The new text of the range, or of the whole document.</summary>
    [JsonPropertyName("text")] public string Text { get; init; } = "";
}
