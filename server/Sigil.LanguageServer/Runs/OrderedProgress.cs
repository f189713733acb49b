using Sigil.Protocol.Lsp;

namespace Sigil.LanguageServer.Runs;

/// <summary>
/// A service's steps (<see cref="IProgress{T}"/> of sentences) as <c>$/progress</c> reports on a channel, sent in the
/// order they were reported; <see cref="DrainAsync"/> waits for the last one before the request's <c>end</c>.
/// </summary>
internal sealed class OrderedProgress(ProgressChannel channel) : IProgress<string>
{
    private readonly Lock _gate = new();
    private Task _last = Task.CompletedTask;

    /// <inheritdoc />
    public void Report(string value)
    {
        lock (_gate)
        {
            _last = _last.ContinueWith(_ => channel.SendAsync(new WorkDoneProgressReport { Message = value + "…" }), TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Completes when every report so far was sent.</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            return _last;
        }
    }
}
