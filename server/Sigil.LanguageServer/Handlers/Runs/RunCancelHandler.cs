using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Runs;
using Sigil.Protocol;
using Sigil.Protocol.Errors;
using Sigil.Protocol.Runs;

namespace Sigil.LanguageServer.Handlers.Runs;

/// <summary><c>sigil/run/cancel</c>: cancels a run and answers once it has stopped (its trials stored).</summary>
internal sealed class RunCancelHandler(RunRegistry runs) : IRequestHandler<RunCancelParams, RunCancelResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.RunCancel;

    /// <inheritdoc />
    public async Task<RunCancelResult> HandleAsync(RunCancelParams parameters, CancellationToken ct)
    {
        var token = RequestException.Required(parameters.Token, "token", "the token sigil/run/start answered with");
        var entry = runs.Get(token) ?? throw new RequestException(SigilErrorCodes.UnknownRun, "unknown-run", $"No run has the token '{token}' in this server.");
        if (!entry.Running)
        {
            return new RunCancelResult { Token = token, Cancelled = false, Status = entry.Status };
        }
        await entry.Cancellation.CancelAsync().ConfigureAwait(false);
        var finished = await entry.Finished.WaitAsync(ct).ConfigureAwait(false);
        return new RunCancelResult { Token = token, Cancelled = finished.Status == RunStatus.Cancelled, Status = finished.Status };
    }
}
