using System.Globalization;
using System.Text.Json;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Errors;
using Sigil.Protocol.Lsp;
using Sigil.Protocol.Runs;
using Sigil.Runs;

namespace Sigil.LanguageServer.Runs;

/// <summary>
/// Starts runs on <see cref="RunService"/> (the service <c>sigil run</c> calls) in the background: progress on
/// <c>$/progress</c>, lens refreshes as trials are stored, and <c>sigil/run/finished</c> at the end, whatever happened.
/// </summary>
internal sealed class RunLauncher(ServerState state, RunRegistry runs, LanguageClient client, LensRefresher refresher, ServerLog log)
{
    /// <summary>Starts a run and returns its entry once progress is set up.</summary>
    public async Task<RunEntry> StartAsync(RunStartParams parameters, CancellationToken ct)
    {
        var project = ProjectContext.Require(state);
        var request = RunRequestFactory.Create(parameters, project);
        var token = parameters.WorkDoneToken is { ValueKind: JsonValueKind.String or JsonValueKind.Number } given
            ? (given.ValueKind == JsonValueKind.String ? given.GetString()! : given.GetRawText())
            : "sigil-run-" + Guid.NewGuid().ToString("N")[..16];
        var entry = runs.Add(token, request.Spec, request.Workspace);
        ProgressChannel progress;
        try
        {
            progress = await ProgressChannel.OpenAsync(client, parameters.WorkDoneToken, token, state.WorkDoneProgress, log, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            entry.Finish(new RunFinishedParams { Token = token, Spec = request.Spec, Workspace = request.Workspace, Status = RunStatus.Cancelled });
            throw;
        }
        log.Info($"run {token}: {request.Spec}/{request.Workspace} with {request.Optimizer}, {request.Iterations.ToString(CultureInfo.InvariantCulture)} trials per pin");
        _ = Task.Run(() => RunAsync(entry, request, progress));
        return entry;
    }

    private async Task RunAsync(RunEntry entry, RunRequest request, ProgressChannel progress)
    {
        await progress.SendAsync(new WorkDoneProgressBegin
        {
            Title = $"Sigil: improving {request.Spec}/{request.Workspace}",
            Cancellable = true,
            Message = $"opening {Path.GetFileName(request.ProjectFile)}",
            Percentage = 0,
        }).ConfigureAwait(false);
        var reporter = new RunProgressReporter(entry.Token, progress, refresher);
        var finished = new RunFinishedParams { Token = entry.Token, Spec = request.Spec, Workspace = request.Workspace };
        string end;
        try
        {
            var result = await new RunService().RunAsync(request, reporter, entry.Cancellation.Token).ConfigureAwait(false);
            finished = finished with { Status = RunStatus.Completed, Result = RunSummaries.From(result) };
            end = string.Join("; ", result.Pins.Select(p => $"{p.Pin}: {p.Verdict}"));
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            var message = "The run was cancelled; every trial so far is stored. Start it again with \"resume\": true to continue.";
            finished = finished with
            {
                Status = RunStatus.Cancelled,
                Error = new RunError { Code = SigilErrorCodes.RunCancelled, Message = message, Data = new SigilErrorData { Kind = "run-cancelled", Method = SigilMethods.RunStart } },
            };
            end = "cancelled";
        }
        catch (Exception e)
        {
            var (code, kind, message, trustCode) = ErrorMapper.Classify(e);
            if (code == SigilErrorCodes.InternalError)
            {
                log.Error($"run {entry.Token} failed: {e}");
            }
            finished = finished with
            {
                Status = RunStatus.Failed,
                Error = new RunError { Code = code, Message = message, Data = new SigilErrorData { Kind = kind, TrustCode = trustCode, Method = SigilMethods.RunStart } },
            };
            end = "failed: " + message;
        }
        await reporter.DrainAsync().ConfigureAwait(false);
        await progress.SendAsync(new WorkDoneProgressEnd { Message = end }).ConfigureAwait(false);
        await refresher.RefreshAsync().ConfigureAwait(false);
        try
        {
            await client.NotifyAsync(SigilMethods.RunFinished, finished).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Info($"sigil/run/finished not sent: {e.Message}");
        }
        log.Info($"run {entry.Token}: {finished.Status}");
        entry.Finish(finished);
    }
}
