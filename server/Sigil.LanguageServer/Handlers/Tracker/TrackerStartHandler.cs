using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Tracker;
using Sigil.Tracking.Control;

namespace Sigil.LanguageServer.Handlers.Tracker;

/// <summary><c>sigil/tracker/start</c>: <see cref="TrackerService.Start"/> (running apps record within a second); refreshes the lenses.</summary>
internal sealed class TrackerStartHandler(ServerState state, LensRefresher refresher) : IRequestHandler<TrackerParams, TrackerStatusResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.TrackerStart;

    /// <inheritdoc />
    public async Task<TrackerStatusResult> HandleAsync(TrackerParams parameters, CancellationToken ct)
    {
        var status = TrackerService.Start(ProjectContext.Require(state).SigilDirectory);
        await refresher.RefreshAsync(ct).ConfigureAwait(false);
        return TrackerResults.From(status);
    }
}
