using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>window/workDoneProgress/create</c> (server to client).</summary>
public sealed record WorkDoneProgressCreateParams
{
    /// <summary>The token the progress will be reported on.</summary>
    [JsonPropertyName("token")] public string Token { get; init; } = "";
}
