namespace Sigil.Optimizers.Strategies.Search;

/// <summary>
/// What every strategy keeps about its run: the trials made, the best feasible program, how many trials in a row gave
/// nothing new, and whether the costly arms are closed (the budget is exhausted, or a trial came back out of budget).
/// It decides the common stop conditions; strategies add their own.
/// </summary>
internal sealed class SearchSession
{
    private readonly int _staleLimit;
    private bool _outOfBudget;

    /// <summary>A session over <paramref name="context"/>; <paramref name="staleLimit"/> trials in a row without a new program stop it (0: never).</summary>
    public SearchSession(ISearchContext context, int staleLimit)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _staleLimit = staleLimit;
        Best = context.Baseline;
    }

    /// <summary>The run.</summary>
    public ISearchContext Context { get; }

    /// <summary>The best feasible program so far (the baseline until one beats it).</summary>
    public SearchProgram Best { get; private set; }

    /// <summary>Trials made through this session.</summary>
    public int Trials { get; private set; }

    /// <summary>Trials in a row that evaluated nothing new (duplicates, rejections, out of budget).</summary>
    public int Stale { get; private set; }

    /// <summary>True once costly arms may no longer be asked.</summary>
    public bool CostlyArmsClosed => _outOfBudget || Context.BudgetExhausted;

    /// <summary>The arms that may be asked now, in the context's order: all of them, or only free ones once the budget is spent.</summary>
    public IReadOnlyList<GeneratorArm> UsableArms() =>
        CostlyArmsClosed ? Context.Arms.Where(a => !ArmCosts.IsCostly(a)).ToList() : Context.Arms;

    /// <summary>
    /// Why the search must stop before the next trial, or <c>null</c> to go on: no iteration left, no usable arm (when
    /// the next trial <paramref name="needsArm"/>), or the stale limit reached.
    /// </summary>
    public OptimizerStop? CheckStop(bool needsArm = true)
    {
        if (Context.IterationsLeft <= 0)
        {
            return Stop(StopReason.IterationsUsed, "Every iteration of the run was used.");
        }
        if (needsArm && UsableArms().Count == 0)
        {
            return Stop(StopReason.BudgetExhausted, "The token or USD budget is spent and every arm of the run costs tokens.");
        }
        if (_staleLimit > 0 && Stale >= _staleLimit)
        {
            return Stop(StopReason.Stalled, $"The last {Stale} trials produced nothing new (duplicates or rejected answers); nothing new seems left to try.");
        }
        return null;
    }

    /// <summary>A stop with this session's trial count.</summary>
    public OptimizerStop Stop(StopReason reason, string message) => new(reason, message, Trials);

    /// <summary>Makes one trial and updates the session from its outcome.</summary>
    public async Task<TrialOutcome> TryAsync(TrialRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var outcome = await Context.TryAsync(request, ct).ConfigureAwait(false);
        Trials++;
        if (outcome.Status == TrialStatus.OutOfBudget)
        {
            _outOfBudget = true;
        }
        if (outcome.Status == TrialStatus.Evaluated)
        {
            Stale = 0;
        }
        else
        {
            Stale++;
        }
        if (outcome.Program is { } program && FitnessScale.IsBetter(program, Best))
        {
            Best = program;
        }
        return outcome;
    }

    /// <summary>The <see cref="TrialRequest.Parent"/> for <paramref name="program"/>: <c>null</c> for the baseline.</summary>
    public static SearchProgram? ParentOf(SearchProgram program) => program.IsBaseline ? null : program;
}
