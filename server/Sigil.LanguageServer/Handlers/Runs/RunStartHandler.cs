using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Runs;
using Sigil.Protocol;
using Sigil.Protocol.Errors;
using Sigil.Protocol.Runs;

namespace Sigil.LanguageServer.Handlers.Runs;

/// <summary>
/// <c>sigil/run/start</c>: starts a run (<see cref="RunLauncher"/>) and answers with its token at once, or, with
/// <c>wait</c>, when it ends, with its result; <c>$/cancelRequest</c> on a waiting request cancels the run.
/// </summary>
internal sealed class RunStartHandler(RunLauncher launcher) : IRequestHandler<RunStartParams, RunStartResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.RunStart;

    /// <inheritdoc />
    public async Task<RunStartResult> HandleAsync(RunStartParams parameters, CancellationToken ct)
    {
        var entry = await launcher.StartAsync(parameters, ct).ConfigureAwait(false);
        if (!parameters.Wait)
        {
            return new RunStartResult { Token = entry.Token, Status = RunStatus.Running };
        }
        RunFinishedParams finished;
        using (ct.Register(entry.Cancellation.Cancel))
        {
            finished = await entry.Finished.ConfigureAwait(false);
        }
        ct.ThrowIfCancellationRequested();
        return finished.Status == RunStatus.Completed
            ? new RunStartResult { Token = entry.Token, Status = finished.Status, Result = finished.Result }
            : throw new RequestException(finished.Error?.Code ?? SigilErrorCodes.RunFailed, finished.Error?.Data?.Kind ?? "run-failed", finished.Error?.Message ?? "The run failed.");
    }
}
