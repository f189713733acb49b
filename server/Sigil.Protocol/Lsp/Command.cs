using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>A command with a title, as lenses carry them and <c>workspace/executeCommand</c> runs them.</summary>
public sealed record Command
{
    /// <summary>What the user sees.</summary>
    [JsonPropertyName("title")] public string Title { get; init; } = "";

    /// <summary>The command's id (see <c>SigilCommands</c>).</summary>
    [JsonPropertyName("command")] public string Name { get; init; } = "";

    /// <summary>Its arguments (one object per command, see <c>SigilCommands</c>).</summary>
    [JsonPropertyName("arguments")] public IReadOnlyList<object>? Arguments { get; init; }
}
