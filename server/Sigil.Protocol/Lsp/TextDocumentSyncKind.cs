namespace Sigil.Protocol.Lsp;

/// <summary>LSP <c>TextDocumentSyncKind</c>.</summary>
public static class TextDocumentSyncKind
{
    /// <summary>No sync.</summary>
    public const int None = 0;

    /// <summary>The whole text on every change.</summary>
    public const int Full = 1;

    /// <summary>Ranges.</summary>
    public const int Incremental = 2;
}
