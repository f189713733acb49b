using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A range in a text document, end exclusive.</summary>
public sealed record Range
{
    /// <summary>The start.</summary>
    [JsonPropertyName("start")] public Position Start { get; init; } = new();

    /// <summary>The end (exclusive).</summary>
    [JsonPropertyName("end")] public Position End { get; init; } = new();
}
