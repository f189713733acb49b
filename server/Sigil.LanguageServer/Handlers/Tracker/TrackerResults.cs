using Sigil.Protocol.Tracker;
using Sigil.Tracking.Control;

namespace Sigil.LanguageServer.Handlers.Tracker;

/// <summary><see cref="TrackerStatus"/> as the protocol sends it.</summary>
internal static class TrackerResults
{
    /// <summary>The result.</summary>
    public static TrackerStatusResult From(TrackerStatus status) => new()
    {
        Enabled = status.Enabled,
        ChangedAt = status.ChangedAt,
        ChangedBy = status.ChangedBy,
        Segments = status.Segments,
        Records = status.Records,
        LastRecordAt = status.LastRecordAt,
    };
}
