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

    /// <summary>
    /// Runs <paramref name="work"/> between a <c>begin</c> titled <paramref name="title"/> and an <c>end</c> sent after its
    /// last step whatever the outcome: <paramref name="done"/> of the result, "cancelled", or <paramref name="failure"/>
    /// followed by the error's message (the error is then thrown on).
    /// </summary>
    public static async Task<T> AroundAsync<T>(ProgressChannel channel, string title, Func<IProgress<string>, Task<T>> work, Func<T, string> done, string failure)
    {
        await channel.SendAsync(new WorkDoneProgressBegin { Title = title }).ConfigureAwait(false);
        var steps = new OrderedProgress(channel);
        T result;
        try
        {
            result = await work(steps).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await steps.DrainAsync().ConfigureAwait(false);
            await channel.SendAsync(new WorkDoneProgressEnd { Message = e is OperationCanceledException ? "cancelled" : failure + e.Message }).ConfigureAwait(false);
            throw;
        }
        await steps.DrainAsync().ConfigureAwait(false);
        await channel.SendAsync(new WorkDoneProgressEnd { Message = done(result) }).ConfigureAwait(false);
        return result;
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
