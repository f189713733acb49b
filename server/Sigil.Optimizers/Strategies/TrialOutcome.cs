namespace Sigil.Optimizers.Strategies;

/// <summary>The result of one trial.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Program">The evaluated program (<see cref="TrialStatus.Evaluated"/>) or the stored one it duplicates (<see cref="TrialStatus.Duplicate"/>); else <c>null</c>.</param>
/// <param name="FailureKind">For <see cref="TrialStatus.Rejected"/> (<c>no-usable-edit</c>, <c>compile-error</c>, …) or an infeasible evaluated program (<c>wrong-result</c>, <c>policy-violation</c>, <c>timeout</c>, <c>crash</c>, …): a stable kind; else <c>null</c>.</param>
/// <param name="FailureMessage">What went wrong with <see cref="FailureKind"/>, written to be fed back to a generator.</param>
/// <param name="Arm">The arm that was asked; <c>null</c> when the request carried its own answer.</param>
/// <param name="CostUsd">What the trial cost in USD (0 for rules and ready answers).</param>
/// <param name="Tokens">Tokens the trial used (input + output).</param>
public sealed record TrialOutcome(
    TrialStatus Status,
    SearchProgram? Program,
    string? FailureKind,
    string? FailureMessage,
    GeneratorArm? Arm,
    double CostUsd,
    long Tokens)
{
    /// <summary>True when the trial produced a new feasible program.</summary>
    public bool IsFeasibleProgram => Status == TrialStatus.Evaluated && Program is { Feasible: true };
}
