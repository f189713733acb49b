namespace Sigil.Optimizers.Strategies;

/// <summary>
/// What a strategy sees of a run: the baseline, the generator arms it may use, the iterations and budget left, and
/// one operation, <see cref="TryAsync"/>, that turns a request into an evaluated (or rejected) program. Implemented by
/// the run service; every call to <see cref="TryAsync"/> uses one iteration, whatever its outcome.
/// </summary>
public interface ISearchContext
{
    /// <summary>The run's seed: strategies draw every random choice from a generator seeded with it.</summary>
    long Seed { get; }

    /// <summary>Trials left (the run's <c>--niter</c> minus trials made, resumed ones included).</summary>
    int IterationsLeft { get; }

    /// <summary>True when the token or USD budget is spent: stop asking generators that cost.</summary>
    bool BudgetExhausted { get; }

    /// <summary>The baseline as a program: <see cref="SearchProgram.Fitness"/> is the reference every candidate is compared with.</summary>
    SearchProgram Baseline { get; }

    /// <summary>The generator arms available (generators × models × operators), in a stable order; never empty.</summary>
    IReadOnlyList<GeneratorArm> Arms { get; }

    /// <summary>
    /// Makes one trial: asks the request's arm for an answer (or uses <see cref="TrialRequest.Answer"/>), builds the
    /// candidate against the parent, and evaluates it paired with the baseline. Never throws for what the generator or
    /// the candidate does (those are outcomes); throws <see cref="OperationCanceledException"/> when cancelled and
    /// <see cref="InvalidOperationException"/> when no iteration is left.
    /// </summary>
    Task<TrialOutcome> TryAsync(TrialRequest request, CancellationToken ct);
}
