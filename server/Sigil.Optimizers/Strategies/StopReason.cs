namespace Sigil.Optimizers.Strategies;

/// <summary>Why an optimizer stopped.</summary>
public enum StopReason
{
    /// <summary><see cref="ISearchContext.IterationsLeft"/> reached 0.</summary>
    IterationsUsed = 1,

    /// <summary>The budget is spent and no arm is left that costs nothing.</summary>
    BudgetExhausted = 2,

    /// <summary>Too many trials in a row produced nothing new (duplicates, rejections): nothing new seems left to try.</summary>
    Stalled = 3,

    /// <summary>The search converged (MADS: the mesh is below its minimum size).</summary>
    Converged = 4,

    /// <summary>There is nothing this optimizer can change (MADS: the method has no numeric literal to tune).</summary>
    NothingToTune = 5,

    /// <summary>The optimizer did all it set out to do (best-of-N: its N proposals).</summary>
    Completed = 6,
}
