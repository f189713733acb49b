using Sigil.Protocol.Runs;

namespace Sigil.LanguageServer.Runs;

/// <summary>A run this server started: its token, how to cancel it, and how it ends. Nothing of the search itself.</summary>
internal sealed class RunEntry(string token, string spec, string workspace)
{
    private readonly TaskCompletionSource<RunFinishedParams> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The run token.</summary>
    public string Token { get; } = token;

    /// <summary>The spec.</summary>
    public string Spec { get; } = spec;

    /// <summary>The workspace.</summary>
    public string Workspace { get; } = workspace;

    /// <summary>Cancels the run.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes with the <c>sigil/run/finished</c> params once the run ended and the client was told.</summary>
    public Task<RunFinishedParams> Finished => _finished.Task;

    /// <summary>Whether it is still going on.</summary>
    public bool Running => !_finished.Task.IsCompleted;

    /// <summary>The status now.</summary>
    public string Status => _finished.Task.IsCompleted ? _finished.Task.Result.Status : RunStatus.Running;

    /// <summary>Records how it ended.</summary>
    public void Finish(RunFinishedParams finished) => _finished.TrySetResult(finished);
}
