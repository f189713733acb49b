using System.Text.Json.Serialization;

namespace Sigil.Protocol.Lsp;

/// <summary>What the Sigil server does.</summary>
public sealed record ServerCapabilities
{
    /// <summary>Document sync: open/close and full text on change.</summary>
    [JsonPropertyName("textDocumentSync")] public TextDocumentSyncOptions TextDocumentSync { get; init; } = new();

    /// <summary>Code lenses (never resolved later).</summary>
    [JsonPropertyName("codeLensProvider")] public CodeLensOptions CodeLensProvider { get; init; } = new();

    /// <summary>The lens commands the server executes.</summary>
    [JsonPropertyName("executeCommandProvider")] public ExecuteCommandOptions ExecuteCommandProvider { get; init; } = new();

    /// <summary>Sigil's extension methods (<c>experimental.sigil.methods</c>).</summary>
    [JsonPropertyName("experimental")] public ExperimentalCapabilities? Experimental { get; init; }
}
