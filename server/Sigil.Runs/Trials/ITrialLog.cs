namespace Sigil.Runs.Trials;

/// <summary>The run log of one pin's run: the trials made before (to replay on resume) and where new ones go.</summary>
internal interface ITrialLog
{
    /// <summary>Trials already made, in order.</summary>
    IReadOnlyList<LoggedTrial> Previous { get; }

    /// <summary>Appends a trial (its index is the number of trials before it).</summary>
    void Append(LoggedTrial trial);
}
