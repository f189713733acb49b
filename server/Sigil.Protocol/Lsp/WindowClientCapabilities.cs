using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The window capabilities Sigil reads.</summary>
public sealed record WindowClientCapabilities
{
    /// <summary>Whether the client handles server-initiated progress (<c>window/workDoneProgress/create</c>).</summary>
    [JsonPropertyName("workDoneProgress")] public bool? WorkDoneProgress { get; init; }
}
