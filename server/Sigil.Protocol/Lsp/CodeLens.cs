using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A command shown above a range of a document.</summary>
public sealed record CodeLens
{
    /// <summary>The range (one line: the lens shows above its start).</summary>
    [JsonPropertyName("range")] public Range Range { get; init; } = new();

    /// <summary>The command (always set: Sigil's lenses are resolved when sent).</summary>
    [JsonPropertyName("command")] public Command? Command { get; init; }
}
