using Sigil.Optimizers.Strategies;

namespace Sigil.Optimizers.Tests.Strategies.Support;

/// <summary>
/// Wraps a context and rewrites some outcomes after the real trial was made (it still uses the iteration): for
/// outcomes the real pipeline cannot produce on demand, such as a candidate that does not compile.
/// </summary>
internal sealed class RewritingContext(ISearchContext inner, Func<TrialRequest, TrialOutcome, TrialOutcome> rewrite) : ISearchContext
{
    public long Seed => inner.Seed;

    public int IterationsLeft => inner.IterationsLeft;

    public bool BudgetExhausted => inner.BudgetExhausted;

    public SearchProgram Baseline => inner.Baseline;

    public IReadOnlyList<GeneratorArm> Arms => inner.Arms;

    public async Task<TrialOutcome> TryAsync(TrialRequest request, CancellationToken ct) => rewrite(request, await inner.TryAsync(request, ct));
}
