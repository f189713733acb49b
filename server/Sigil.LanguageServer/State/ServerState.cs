using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.State;

/// <summary>The session: lifecycle flags, what the client can do, and the project served. No search state.</summary>
internal sealed class ServerState
{
    private volatile bool _initialized;
    private volatile bool _shutdownRequested;

    /// <summary>Whether <c>initialize</c> was answered.</summary>
    public bool Initialized
    {
        get => _initialized;
        set => _initialized = value;
    }

    /// <summary>Whether <c>shutdown</c> was received.</summary>
    public bool ShutdownRequested
    {
        get => _shutdownRequested;
        set => _shutdownRequested = value;
    }

    /// <summary>The client's capabilities.</summary>
    public ClientCapabilities Capabilities { get; set; } = new();

    /// <summary>The Sigil project (folder of sigil.json), or null when none was found.</summary>
    public ProjectContext? Project { get; set; }

    /// <summary>Whether the client handles <c>workspace/codeLens/refresh</c>.</summary>
    public bool CodeLensRefresh => Capabilities.Workspace?.CodeLens?.RefreshSupport == true;

    /// <summary>Whether the client handles <c>window/workDoneProgress/create</c>.</summary>
    public bool WorkDoneProgress => Capabilities.Window?.WorkDoneProgress == true;
}
