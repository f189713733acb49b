namespace Sigil.Protocol.Errors;

/// <summary>
/// The JSON-RPC error codes the Sigil server answers with (docs/lsp-extensions.md has the table). The JSON-RPC and LSP
/// codes are the standard ones; Sigil's own are 1000–1099 (outside both reserved ranges), each with a stable
/// <see cref="SigilErrorData.Kind"/> in the error's data.
/// </summary>
public static class SigilErrorCodes
{
    /// <summary>JSON-RPC: the message body is not JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>JSON-RPC: the JSON is not a request or notification (no method, a batch, a bad id).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>JSON-RPC: no such method.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>JSON-RPC: the params do not fit the method (wrong types, a missing or out-of-range field).</summary>
    public const int InvalidParams = -32602;

    /// <summary>JSON-RPC: a bug in the server; the message says what failed.</summary>
    public const int InternalError = -32603;

    /// <summary>LSP: a request other than <c>initialize</c> came before it.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>LSP: the request was cancelled (<c>$/cancelRequest</c>).</summary>
    public const int RequestCancelled = -32800;

    /// <summary>No Sigil project: no sigil.json at or above the workspace folder.</summary>
    public const int NoProject = 1001;

    /// <summary>The project's configuration or build is not usable (<c>SigilProjectException</c>): sigil.json, project file, build output.</summary>
    public const int ProjectInvalid = 1002;

    /// <summary>A named thing does not exist: a spec without candidates, a candidate id or prefix, a pin.</summary>
    public const int NotFound = 1003;

    /// <summary>A run or comparison could not proceed (<c>RunException</c>): no samples, a project that does not compile, nothing to resume.</summary>
    public const int RunFailed = 1004;

    /// <summary>The sandbox cannot run candidates here (isolation required but missing).</summary>
    public const int SandboxUnavailable = 1005;

    /// <summary>The workspace store refused or failed (<c>WorkspaceException</c>).</summary>
    public const int WorkspaceError = 1006;

    /// <summary>Promote, verify or publish refused (<c>TrustException</c>); <see cref="SigilErrorData.TrustCode"/> names the exact reason.</summary>
    public const int TrustRefused = 1007;

    /// <summary>Publishing refused or failed in git (dirty tree, taken branch, git error).</summary>
    public const int PublishRefused = 1008;

    /// <summary>A signing key or the trusted-keys file is missing or invalid.</summary>
    public const int KeyError = 1009;

    /// <summary>The sample log could not be read.</summary>
    public const int SampleLogError = 1010;

    /// <summary>A file could not be read or written (permissions, missing folder).</summary>
    public const int IoError = 1011;

    /// <summary>A run of the same spec and workspace is already going on in this server.</summary>
    public const int RunBusy = 1012;

    /// <summary>No run has this token.</summary>
    public const int UnknownRun = 1013;

    /// <summary>The optimizer's settings are invalid (unknown optimizer, bad parameter).</summary>
    public const int OptimizerSettingsInvalid = 1014;

    /// <summary>The run was cancelled (<c>sigil/run/cancel</c>, <c>window/workDoneProgress/cancel</c> or <c>$/cancelRequest</c>); its trials are stored and <c>resume</c> continues it.</summary>
    public const int RunCancelled = 1015;
}
