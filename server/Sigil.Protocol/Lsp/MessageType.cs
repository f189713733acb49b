namespace Sigil.Protocol.Lsp;

/// <summary>LSP <c>MessageType</c>.</summary>
public static class MessageType
{
    /// <summary>Error.</summary>
    public const int Error = 1;

    /// <summary>Warning.</summary>
    public const int Warning = 2;

    /// <summary>Info.</summary>
    public const int Info = 3;

    /// <summary>Log.</summary>
    public const int Log = 4;
}
