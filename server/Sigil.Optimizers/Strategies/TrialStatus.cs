namespace Sigil.Optimizers.Strategies;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>A new candidate was built and evaluated (it may still be infeasible: see <see cref="SearchProgram.Feasible"/>).</summary>
    Evaluated,

    /// <summary>The same code was tried before; <see cref="TrialOutcome.Program"/> is that earlier program. Nothing was evaluated.</summary>
    Duplicate,

    /// <summary>No candidate came of it: no answer, no usable edit, a compile error, or a generator failure.</summary>
    Rejected,

    /// <summary>The budget is spent: the generator was not asked.</summary>
    OutOfBudget,
}
