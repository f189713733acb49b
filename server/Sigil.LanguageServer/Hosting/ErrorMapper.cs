using Sigil.Core.Identity;
using Sigil.Evaluation.Sandbox;
using Sigil.Manifests.Keys;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Projects;
using Sigil.Protocol.Errors;
using Sigil.Publishing;
using Sigil.Publishing.Git;
using Sigil.Runs;
using Sigil.Tracking.Query;
using Sigil.Trust.Errors;
using Sigil.Workspace.Errors;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Hosting;

/// <summary>
/// Turns what a service threw into the JSON-RPC error the client gets: a <see cref="SigilErrorCodes"/> code, the
/// service's message (which says what to do) and <see cref="SigilErrorData"/>. Unknown exceptions are -32603 with
/// their type and message; their stack goes to stderr.
/// </summary>
internal static class ErrorMapper
{
    /// <summary>The code, kind and message for <paramref name="exception"/>.</summary>
    public static (int Code, string Kind, string Message, string? TrustCode) Classify(Exception exception) => exception switch
    {
        RequestException e => (e.Code, e.Kind, e.Message, null),
        TrustException { Code: TrustErrorCodes.InvalidRequest } e => (SigilErrorCodes.InvalidParams, "invalid-params", e.Message, e.Code),
        TrustException e => (SigilErrorCodes.TrustRefused, "trust-refused", e.Message, e.Code),
        SigilProjectException e => (SigilErrorCodes.ProjectInvalid, "project-invalid", e.Message, null),
        SandboxUnavailableException e => (SigilErrorCodes.SandboxUnavailable, "sandbox-unavailable", e.Message, null),
        OptimizerSettingsException e => (SigilErrorCodes.OptimizerSettingsInvalid, "optimizer-settings-invalid", e.Message, null),
        RunException e => (SigilErrorCodes.RunFailed, "run-failed", e.Message, null),
        WorkspaceException e => (SigilErrorCodes.WorkspaceError, "workspace-error", e.Message, null),
        PublishRefusedException or PublishFailedException or GitException => (SigilErrorCodes.PublishRefused, "publish-refused", exception.Message, null),
        KeyStoreException or TrustStoreException => (SigilErrorCodes.KeyError, "key-error", exception.Message, null),
        SampleLogException e => (SigilErrorCodes.SampleLogError, "sample-log-error", e.Message, null),
        IdentityFormatException e => (SigilErrorCodes.InvalidParams, "invalid-params", e.Message, null),
        ArgumentException e => (SigilErrorCodes.InvalidParams, "invalid-params", e.Message, null),
        InvalidDataException e => (SigilErrorCodes.IoError, "invalid-data", e.Message, null),
        IOException or UnauthorizedAccessException => (SigilErrorCodes.IoError, "io-error", $"{exception.Message} Check the path and its permissions.", null),
        _ => (SigilErrorCodes.InternalError, "internal-error", $"Internal error ({exception.GetType().Name}): {exception.Message}", null),
    };

    /// <summary>The exception StreamJsonRpc sends as the error response.</summary>
    public static LocalRpcException ToRpc(Exception exception, string method)
    {
        var (code, kind, message, trustCode) = Classify(exception);
        return new LocalRpcException(message, exception)
        {
            ErrorCode = code,
            ErrorData = new SigilErrorData { Kind = kind, TrustCode = trustCode, Method = method },
        };
    }
}
