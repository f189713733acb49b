using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The commands <c>workspace/executeCommand</c> accepts.</summary>
public sealed record ExecuteCommandOptions
{
    /// <summary>Command ids.</summary>
    [JsonPropertyName("commands")] public IReadOnlyList<string> Commands { get; init; } = [];
}
