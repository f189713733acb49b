using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The workspace capabilities Sigil reads.</summary>
public sealed record WorkspaceClientCapabilities
{
    /// <summary>Code lens capabilities.</summary>
    [JsonPropertyName("codeLens")] public CodeLensWorkspaceClientCapabilities? CodeLens { get; init; }
}
