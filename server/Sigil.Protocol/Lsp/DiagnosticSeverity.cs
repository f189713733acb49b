namespace Sigil.Protocol.Lsp;

/// <summary>LSP <c>DiagnosticSeverity</c>.</summary>
public static class DiagnosticSeverity
{
    /// <summary>Error.</summary>
    public const int Error = 1;

    /// <summary>Warning.</summary>
    public const int Warning = 2;

    /// <summary>Information.</summary>
    public const int Information = 3;

    /// <summary>Hint.</summary>
    public const int Hint = 4;
}
