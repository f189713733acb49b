using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>$/progress</c>.</summary>
public sealed record ProgressParams
{
    /// <summary>The progress token (a string or an integer, as created or given).</summary>
    [JsonPropertyName("token")] public JsonElement Token { get; init; }

    /// <summary>A <see cref="WorkDoneProgressBegin"/>, <see cref="WorkDoneProgressReport"/> or <see cref="WorkDoneProgressEnd"/>.</summary>
    [JsonPropertyName("value")] public object Value { get; init; } = new();
}
