namespace Sigil.Workspace.Model;

/// <summary>How a trial of a run ended, as the run log stores it (text form in brackets).</summary>
public enum TrialRecordStatus
{
    /// <summary>(<c>evaluated</c>) A candidate was built, stored and evaluated; it may still be infeasible.</summary>
    Evaluated,

    /// <summary>(<c>duplicate</c>) The answer gave code already stored; nothing was evaluated again.</summary>
    Duplicate,

    /// <summary>(<c>rejected</c>) Nothing storable came of it: no usable edit, a compile error, a generator failure.</summary>
    Rejected,

    /// <summary>(<c>out-of-budget</c>) The token or USD budget was spent, so the generator was not asked.</summary>
    OutOfBudget,
}
