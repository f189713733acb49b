namespace Sigil.Protocol.Lsp;

/// <summary>The LSP methods the Sigil server answers or sends.</summary>
public static class LspMethods
{
    /// <summary>Request.</summary>
    public const string Initialize = "initialize";

    /// <summary>Notification.</summary>
    public const string Initialized = "initialized";

    /// <summary>Request.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>Notification.</summary>
    public const string Exit = "exit";

    /// <summary>Notification.</summary>
    public const string DidOpen = "textDocument/didOpen";

    /// <summary>Notification.</summary>
    public const string DidChange = "textDocument/didChange";

    /// <summary>Notification.</summary>
    public const string DidClose = "textDocument/didClose";

    /// <summary>Request.</summary>
    public const string CodeLens = "textDocument/codeLens";

    /// <summary>Request.</summary>
    public const string ExecuteCommand = "workspace/executeCommand";

    /// <summary>Server to client request.</summary>
    public const string CodeLensRefresh = "workspace/codeLens/refresh";

    /// <summary>Server to client notification.</summary>
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";

    /// <summary>Server to client notification.</summary>
    public const string LogMessage = "window/logMessage";

    /// <summary>Server to client request.</summary>
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";

    /// <summary>Client to server notification.</summary>
    public const string WorkDoneProgressCancel = "window/workDoneProgress/cancel";

    /// <summary>Notification, both ways.</summary>
    public const string Progress = "$/progress";

    /// <summary>Notification, both ways (handled by StreamJsonRpc).</summary>
    public const string CancelRequest = "$/cancelRequest";
}
