using System.ComponentModel;
using Sigil.Tracking.Control;

namespace Sigil.Cli.Commands.Tracker;

/// <summary><c>sigil tracker status</c>.</summary>
[Description("Show whether tracking is on and what the sample log holds")]
public sealed class TrackerStatusCommand : TrackerCommandBase
{
    /// <inheritdoc />
    protected override TrackerStatus Act(string sigilDirectory) => TrackerService.Status(sigilDirectory);
}
