namespace Sigil.Optimizers.Strategies;

/// <summary>
/// A search strategy (best-of-N, AlphaEvolve, simulated annealing, a bandit, MADS): decides what to try next from what
/// was tried so far. It never compiles, evaluates or stores anything itself: every trial goes through
/// <see cref="ISearchContext.TryAsync"/>, which the run service implements (build, deduplicate, compile, sandboxed paired
/// evaluation, workspace). Deterministic: the same seed and the same trial outcomes give the same requests.
/// </summary>
public interface IOptimizer
{
    /// <summary>The name users type (<c>best-of-n</c>, <c>alphaevolve</c>, <c>annealing</c>, <c>rl</c>, <c>mads</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Runs until <see cref="ISearchContext.IterationsLeft"/> is 0 or <see cref="ISearchContext.BudgetExhausted"/> is
    /// true (or nothing is left to try). Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task RunAsync(ISearchContext context, CancellationToken ct);
}
