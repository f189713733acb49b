using System.ComponentModel;
using Sigil.Tracking.Control;

namespace Sigil.Cli.Commands.Tracker;

/// <summary><c>sigil tracker start</c>.</summary>
[Description("Turn tracking on: running apps start recording pinned calls within a second")]
public sealed class TrackerStartCommand : TrackerCommandBase
{
    /// <inheritdoc />
    protected override TrackerStatus Act(string sigilDirectory) => TrackerService.Start(sigilDirectory);
}
