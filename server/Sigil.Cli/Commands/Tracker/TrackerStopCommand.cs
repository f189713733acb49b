using System.ComponentModel;
using Sigil.Tracking.Control;

namespace Sigil.Cli.Commands.Tracker;

/// <summary><c>sigil tracker stop</c>.</summary>
[Description("Turn tracking off: running apps stop recording within a second")]
public sealed class TrackerStopCommand : TrackerCommandBase
{
    /// <inheritdoc />
    protected override TrackerStatus Act(string sigilDirectory) => TrackerService.Stop(sigilDirectory);
}
