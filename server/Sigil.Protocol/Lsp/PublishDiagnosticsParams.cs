using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary><c>textDocument/publishDiagnostics</c>: the whole set for one document (empty clears it).</summary>
public sealed record PublishDiagnosticsParams
{
    /// <summary>The document.</summary>
    [JsonPropertyName("uri")] public string Uri { get; init; } = "";

    /// <summary>The document version the diagnostics are for, when known.</summary>
    [JsonPropertyName("version")] public int? Version { get; init; }

    /// <summary>The diagnostics.</summary>
    [JsonPropertyName("diagnostics")] public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
