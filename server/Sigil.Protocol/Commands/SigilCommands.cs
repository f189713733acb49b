namespace Sigil.Protocol.Commands;

/// <summary>The commands Sigil's lenses carry; <c>workspace/executeCommand</c> runs them with one argument object each.</summary>
public static class SigilCommands
{
    /// <summary>Starts a run on one pin; argument <see cref="PinCommandArguments"/>; returns a <c>RunStartResult</c>.</summary>
    public const string Improve = "sigil.improve";

    /// <summary>Lists the pin's candidates; argument <see cref="PinCommandArguments"/>; returns a <c>CandidatesListResult</c>.</summary>
    public const string ShowCandidates = "sigil.candidates.show";

    /// <summary>Turns tracking on when off and off when on; no argument; returns a <c>TrackerStatusResult</c>.</summary>
    public const string ToggleTracker = "sigil.tracker.toggle";

    /// <summary>All of them.</summary>
    public static IReadOnlyList<string> All { get; } = [Improve, ShowCandidates, ToggleTracker];
}
