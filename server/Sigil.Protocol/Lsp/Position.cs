using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A zero-based line and UTF-16 character offset in a text document.</summary>
public sealed record Position
{
    /// <summary>The zero-based line.</summary>
    [JsonPropertyName("line")] public int Line { get; init; }

    /// <summary>The zero-based character offset (UTF-16 code units) in the line.</summary>
    [JsonPropertyName("character")] public int Character { get; init; }
}
