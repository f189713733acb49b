using System.Text.Json;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Runs;
using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Handlers.Runs;

/// <summary><c>window/workDoneProgress/cancel</c>: the user cancelled a run's progress in the client; the run stops.</summary>
internal sealed class WorkDoneProgressCancelHandler(RunRegistry runs, ServerLog log) : INotificationHandler<WorkDoneProgressCancelParams>
{
    /// <inheritdoc />
    public string Method => LspMethods.WorkDoneProgressCancel;

    /// <inheritdoc />
    public Task HandleAsync(WorkDoneProgressCancelParams parameters)
    {
        var token = parameters.Token.ValueKind switch
        {
            JsonValueKind.String => parameters.Token.GetString(),
            JsonValueKind.Number => parameters.Token.GetRawText(),
            _ => null,
        };
        if (token is not null && runs.Get(token) is { Running: true } entry)
        {
            log.Info($"run {token}: cancelled by the client's progress");
            entry.Cancellation.Cancel();
        }
        return Task.CompletedTask;
    }
}
