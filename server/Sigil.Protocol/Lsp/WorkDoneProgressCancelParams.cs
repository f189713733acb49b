using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>window/workDoneProgress/cancel</c> (client to server): the user cancelled the progress.</summary>
public sealed record WorkDoneProgressCancelParams
{
    /// <summary>The progress token (a string or an integer).</summary>
    [JsonPropertyName("token")] public JsonElement Token { get; init; }
}
