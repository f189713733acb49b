using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Tracker;
using Sigil.Tracking.Control;

namespace Sigil.LanguageServer.Handlers.Tracker;

/// <summary><c>sigil/tracker/status</c>: <see cref="TrackerService.Status"/>.</summary>
internal sealed class TrackerStatusHandler(ServerState state) : IRequestHandler<TrackerParams, TrackerStatusResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.TrackerStatus;

    /// <inheritdoc />
    public Task<TrackerStatusResult> HandleAsync(TrackerParams parameters, CancellationToken ct) =>
        Task.FromResult(TrackerResults.From(TrackerService.Status(ProjectContext.Require(state).SigilDirectory)));
}
