using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>workspace/executeCommand</c>.</summary>
public sealed record ExecuteCommandParams
{
    /// <summary>The command's id.</summary>
    [JsonPropertyName("command")] public string Command { get; init; } = "";

    /// <summary>Its arguments as sent.</summary>
    [JsonPropertyName("arguments")] public IReadOnlyList<JsonElement>? Arguments { get; init; }
}
