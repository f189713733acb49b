using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>workspace.codeLens</c>.</summary>
public sealed record CodeLensWorkspaceClientCapabilities
{
    /// <summary>Whether the client handles <c>workspace/codeLens/refresh</c>.</summary>
    [JsonPropertyName("refreshSupport")] public bool? RefreshSupport { get; init; }
}
