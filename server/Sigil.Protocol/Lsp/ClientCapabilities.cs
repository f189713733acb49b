using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>The client capabilities Sigil reads.</summary>
public sealed record ClientCapabilities
{
    /// <summary>Workspace capabilities.</summary>
    [JsonPropertyName("workspace")] public WorkspaceClientCapabilities? Workspace { get; init; }

    /// <summary>Window capabilities.</summary>
    [JsonPropertyName("window")] public WindowClientCapabilities? Window { get; init; }
}
