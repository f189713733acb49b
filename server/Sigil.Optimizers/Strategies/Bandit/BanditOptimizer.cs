using System.Globalization;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Search;

namespace Sigil.Optimizers.Strategies.Bandit;

/// <summary>
/// Reinforcement learning as a multi-armed bandit (<c>rl</c>) over the context's arms (generators × models × operators).
/// Every trial starts from the current best feasible program. Each usable arm is pulled once first (in a seeded
/// order), then the policy chooses: UCB1 or seeded Thompson sampling, on rewards normalized by the largest reward seen.
/// <para>
/// Reward: the improvement of the best feasible fitness the trial brought, per unit of cost:
/// max(0, gain(best before, new program)) / cost, with gain the log-fitness gain (<see cref="FitnessScale.Gain"/>) and
/// cost the trial's USD when it reports any, else <c>trial-cost-usd</c>. Since the parent is the best, this is also the
/// improvement over the parent. Duplicates, rejected, infeasible and out-of-budget trials earn 0. Once the budget is
/// spent, only arms that cost nothing are considered.
/// </para>
/// Parameters:
/// <list type="bullet">
/// <item><c>policy</c> (<c>ucb1</c> or <c>thompson</c>, default <c>ucb1</c>).</item>
/// <item><c>exploration</c> (number from 0 to 10, default 1.4142): UCB1's c.</item>
/// <item><c>trial-cost-usd</c> (number &gt; 0, default 0.001): the cost charged for a trial that reports no USD (rule arms, unpriced models).</item>
/// <item><c>stale-limit</c> (integer ≥ 0, default 25): stop after that many trials in a row gave nothing new; 0 never.</item>
/// </list>
/// </summary>
public sealed class BanditOptimizer : IConfiguredOptimizer
{
    /// <summary>The optimizer's name.</summary>
    public const string OptimizerName = "rl";

    /// <summary><c>policy</c>: <c>ucb1</c> or <c>thompson</c>. Default <c>ucb1</c>.</summary>
    public static OptimizerParameter PolicyParameter { get; } = OptimizerParameter.Choice("policy", "ucb1", ["ucb1", "thompson"],
        "How arms are chosen once each was tried: UCB1, or Thompson sampling (seeded).");

    /// <summary><c>exploration</c>: UCB1's exploration constant c. Default √2.</summary>
    public static OptimizerParameter ExplorationParameter { get; } = OptimizerParameter.Number("exploration", 1.4142, 0, 10,
        "UCB1's exploration constant c in mean + c·√(ln t / n); 0 is greedy.");

    /// <summary><c>trial-cost-usd</c>: the cost of a trial that reports no USD. Default 0.001.</summary>
    public static OptimizerParameter TrialCostParameter { get; } = OptimizerParameter.Number("trial-cost-usd", 0.001, 0, 1000,
        "The cost in USD charged to a trial that reports none (rule arms, models without a price), so rewards per cost compare.", minimumExclusive: true);

    /// <summary>The parameters, with their defaults.</summary>
    public static IReadOnlyList<OptimizerParameter> Parameters { get; } =
        [PolicyParameter, ExplorationParameter, TrialCostParameter, CommonParameters.StaleLimit];

    /// <summary>The catalog entry.</summary>
    public static OptimizerInfo Info { get; } = new(OptimizerName,
        "A bandit over the arms (UCB1 or Thompson sampling), rewarded by the improvement of the best per unit of cost.",
        MasterPrompt.Default, Parameters, settings => new BanditOptimizer(settings));

    /// <summary>An optimizer with <paramref name="settings"/> (default: every parameter at its default).</summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter or an invalid value.</exception>
    public BanditOptimizer(OptimizerSettings? settings = null)
    {
        Configuration = OptimizerConfiguration.Resolve(OptimizerName, MasterPrompt.Default, Parameters, settings);
        settings ??= OptimizerSettings.Default;
        Policy = settings.GetString(PolicyParameter) == "thompson" ? BanditPolicy.Thompson : BanditPolicy.Ucb1;
        Exploration = settings.GetDouble(ExplorationParameter);
        TrialCostUsd = settings.GetDouble(TrialCostParameter);
        StaleLimit = settings.GetInt32(CommonParameters.StaleLimit);
    }

    /// <inheritdoc />
    public string Name => OptimizerName;

    /// <inheritdoc />
    public OptimizerConfiguration Configuration { get; }

    /// <inheritdoc />
    public OptimizerStop? LastStop { get; private set; }

    /// <summary>The arms' statistics at the end of the last run, in the context's arm order; empty before a run.</summary>
    public IReadOnlyList<ArmStatistics> LastStatistics { get; private set; } = [];

    /// <summary>The policy.</summary>
    public BanditPolicy Policy { get; }

    /// <summary>UCB1's exploration constant.</summary>
    public double Exploration { get; }

    /// <summary>The USD charged to a trial that reports none.</summary>
    public double TrialCostUsd { get; }

    /// <summary>Trials in a row without anything new before stopping; 0 for never.</summary>
    public int StaleLimit { get; }

    /// <summary>The reward of a trial that started from <paramref name="parent"/>: log-fitness gain per USD, 0 unless it is a new, better, feasible program.</summary>
    public double Reward(SearchProgram parent, TrialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.IsFeasibleProgram || !double.IsFinite(outcome.Program!.Fitness))
        {
            return 0;
        }
        var gain = parent.Feasible ? Math.Max(0, FitnessScale.Gain(parent.Fitness, outcome.Program.Fitness)) : 1;
        var cost = outcome.CostUsd > 0 ? outcome.CostUsd : TrialCostUsd;
        return gain / cost;
    }

    /// <inheritdoc />
    public async Task RunAsync(ISearchContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        LastStop = null;
        var session = new SearchSession(context, StaleLimit);
        var random = SeededRandom.For(context.Seed, "sigil.strategies.rl");
        var statistics = context.Arms.ToDictionary(a => a.Key, a => new ArmStatistics(a, 0, 0, 0), StringComparer.Ordinal);
        var order = random.Shuffle(context.Arms);
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (session.CheckStop() is { } stop)
                {
                    LastStop = stop;
                    return;
                }
                var usable = session.UsableArms().Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
                var candidates = order.Where(a => usable.Contains(a.Key)).Select(a => statistics[a.Key]).ToList();
                var chosen = Choose(candidates, random);
                var parent = session.Best;
                var outcome = await session.TryAsync(new TrialRequest
                {
                    Parent = SearchSession.ParentOf(parent),
                    Arm = chosen.Arm,
                    Label = string.Create(CultureInfo.InvariantCulture, $"rl {Policy.ToString().ToLowerInvariant()} pull {chosen.Pulls + 1}"),
                }, ct).ConfigureAwait(false);
                statistics[chosen.Arm.Key] = statistics[chosen.Arm.Key].With(Reward(parent, outcome));
            }
        }
        finally
        {
            LastStatistics = context.Arms.Select(a => statistics[a.Key]).ToList();
        }
    }

    /// <summary>The next arm among <paramref name="candidates"/> (in preference order): the first never pulled, else the policy's choice.</summary>
    internal ArmStatistics Choose(IReadOnlyList<ArmStatistics> candidates, SeededRandom random)
    {
        var untried = candidates.FirstOrDefault(c => c.Pulls == 0);
        if (untried is not null)
        {
            return untried;
        }
        var scale = candidates.Max(c => c.BestReward);
        var total = candidates.Sum(c => c.Pulls);
        ArmStatistics? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var arm in candidates)
        {
            var normalized = scale > 0 ? Math.Min(arm.RewardSum / scale, arm.Pulls) : 0;
            var score = Policy == BanditPolicy.Ucb1
                ? normalized / arm.Pulls + Exploration * Math.Sqrt(Math.Log(total) / arm.Pulls)
                : BetaSampler.Next(random, 1 + normalized, 1 + arm.Pulls - normalized);
            if (score > bestScore)
            {
                best = arm;
                bestScore = score;
            }
        }
        return best!;
    }
}
