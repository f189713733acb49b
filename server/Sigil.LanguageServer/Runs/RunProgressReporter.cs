using System.Threading.Channels;
using Sigil.LanguageServer.Lenses;
using Sigil.Protocol.Runs;
using Sigil.Runs;

namespace Sigil.LanguageServer.Runs;

/// <summary>
/// The run service's <see cref="IProgress{T}"/>: each event becomes a <c>$/progress</c> report (in order, off the run's
/// thread), and each finished trial (a candidate may have been stored) refreshes the lenses.
/// </summary>
internal sealed class RunProgressReporter : IProgress<RunProgress>
{
    private readonly string _token;
    private readonly ProgressChannel _progress;
    private readonly LensRefresher _refresher;
    private readonly Channel<RunProgress> _events = Channel.CreateUnbounded<RunProgress>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _sender;
    private int _lastTrial = -1;
    private string? _lastPin;

    public RunProgressReporter(string token, ProgressChannel progress, LensRefresher refresher)
    {
        _token = token;
        _progress = progress;
        _refresher = refresher;
        _sender = Task.Run(SendAsync);
    }

    /// <inheritdoc />
    public void Report(RunProgress value) => _events.Writer.TryWrite(value);

    /// <summary>Sends what is queued and stops.</summary>
    public Task DrainAsync()
    {
        _events.Writer.TryComplete();
        return _sender;
    }

    private async Task SendAsync()
    {
        await foreach (var p in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await _progress.SendAsync(new RunProgressReport
            {
                Cancellable = true,
                Message = RunSummaries.Message(p),
                Percentage = RunSummaries.Percentage(p),
                Sigil = RunSummaries.Detail(_token, p),
            }).ConfigureAwait(false);
            var trialDone = p.Phase == "searching" && p.Pin == _lastPin && p.Trial > _lastTrial && _lastTrial >= 0;
            (_lastPin, _lastTrial) = (p.Pin, p.Trial);
            if (trialDone)
            {
                await _refresher.RefreshAsync().ConfigureAwait(false);
            }
        }
    }
}
