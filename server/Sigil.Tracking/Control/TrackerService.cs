using Sigil.Runtime.Tracking;
using Sigil.Tracking.Query;

namespace Sigil.Tracking.Control;

/// <summary><c>sigil tracker start|stop|status</c>: flips a project's tracker switch; running apps notice within a second.</summary>
public static class TrackerService
{
    /// <summary>Turns tracking on.</summary>
    public static TrackerStatus Start(string sigilDirectory) => Switch(sigilDirectory, true);

    /// <summary>Turns tracking off.</summary>
    public static TrackerStatus Stop(string sigilDirectory) => Switch(sigilDirectory, false);

    /// <summary>The switch and a summary of the log.</summary>
    public static TrackerStatus Status(string sigilDirectory)
    {
        var state = TrackerState.Read(sigilDirectory);
        var segments = SampleLog.Open(sigilDirectory).Summarize();
        return new TrackerStatus
        {
            Enabled = state.Enabled,
            ChangedAt = state.ChangedAt,
            ChangedBy = state.ChangedBy,
            Segments = segments.Count,
            Records = (int)segments.Sum(s => s.Calls),
            LastRecordAt = segments.Max(s => s.LastCallAt),
        };
    }

    private static TrackerStatus Switch(string sigilDirectory, bool enabled)
    {
        new TrackerState
        {
            Enabled = enabled,
            ChangedAt = DateTimeOffset.UtcNow,
            ChangedBy = $"{Environment.UserName}@{Environment.MachineName}",
        }.Write(sigilDirectory);
        return Status(sigilDirectory);
    }
}
