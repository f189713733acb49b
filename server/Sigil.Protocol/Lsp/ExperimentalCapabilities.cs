using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>capabilities.experimental</c>: what Sigil adds to LSP.</summary>
public sealed record ExperimentalCapabilities
{
    /// <summary>Sigil's extensions.</summary>
    [JsonPropertyName("sigil")] public SigilCapabilities Sigil { get; init; } = new();
}
