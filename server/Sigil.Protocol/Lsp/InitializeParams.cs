using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>initialize</c> (the fields Sigil reads).</summary>
public sealed record InitializeParams
{
    /// <summary>The client's process id, or null.</summary>
    [JsonPropertyName("processId")] public int? ProcessId { get; init; }

    /// <summary>The client.</summary>
    [JsonPropertyName("clientInfo")] public ClientInfo? ClientInfo { get; init; }

    /// <summary>Deprecated root path.</summary>
    [JsonPropertyName("rootPath")] public string? RootPath { get; init; }

    /// <summary>Deprecated root URI.</summary>
    [JsonPropertyName("rootUri")] public string? RootUri { get; init; }

    /// <summary>The open folders; the first one holding (or inside) a Sigil project is the project.</summary>
    [JsonPropertyName("workspaceFolders")] public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    /// <summary>What the client can do.</summary>
    [JsonPropertyName("capabilities")] public ClientCapabilities Capabilities { get; init; } = new();

    /// <summary>Client options (unused).</summary>
    [JsonPropertyName("initializationOptions")] public JsonElement? InitializationOptions { get; init; }
}
