using System.Globalization;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Search;

namespace Sigil.Optimizers.Strategies.AlphaEvolve;

/// <summary>
/// AlphaEvolve (<c>alphaevolve</c>): evolutionary search over a <see cref="ProgramDatabase"/> of K islands, each a
/// MAP-Elites grid (cells: <see cref="ProgramFeatures"/> length × loops). Trial k works on island k mod K: it samples
/// a parent (the island's best elite with probability <c>exploit-rate</c>, else a random occupied cell's elite),
/// shows inspirations (the island's fittest elites, then random other cells), asks a seeded-random usable arm, and
/// sets <see cref="TrialRequest.Cascade"/> so that wrong or far slower candidates are dropped after a few samples.
/// A feasible result (new, or the program a duplicate matches) is offered to the island's grid; infeasible programs
/// never become elites. Every <c>migration-interval</c> trials each island's best elite migrates to the next island of
/// the ring. Parameters:
/// <list type="bullet">
/// <item><c>islands</c> (integer 1–64, default 4).</item>
/// <item><c>migration-interval</c> (integer ≥ 0, default 20): trials between migrations; 0 never migrates.</item>
/// <item><c>exploit-rate</c> (number 0–1, default 0.7): the chance the parent is the island's best rather than a random cell's elite.</item>
/// <item><c>inspirations</c> (integer 0–16, default 3): programs shown with each request.</item>
/// <item><c>cascade</c> (true/false, default true): ask for the evaluation cascade.</item>
/// <item><c>stale-limit</c> (integer ≥ 0, default 25): stop after that many trials in a row gave nothing new; 0 never.</item>
/// </list>
/// </summary>
public sealed class AlphaEvolveOptimizer : IConfiguredOptimizer
{
    /// <summary>The optimizer's name.</summary>
    public const string OptimizerName = "alphaevolve";

    /// <summary><c>islands</c>: the number of islands. Default 4.</summary>
    public static OptimizerParameter IslandsParameter { get; } = OptimizerParameter.Integer("islands", 4, 1, 64,
        "Islands of the program database; each evolves its own MAP-Elites grid.");

    /// <summary><c>migration-interval</c>: trials between migrations (0: never). Default 20.</summary>
    public static OptimizerParameter MigrationIntervalParameter { get; } = OptimizerParameter.Integer("migration-interval", 20, 0, 1_000_000,
        "Trials between migrations of each island's best elite to the next island of the ring; 0 never migrates.");

    /// <summary><c>exploit-rate</c>: the chance of taking the island's best as parent. Default 0.7.</summary>
    public static OptimizerParameter ExploitRateParameter { get; } = OptimizerParameter.Number("exploit-rate", 0.7, 0, 1,
        "The chance that the parent is the island's best elite; otherwise it is the elite of a random occupied cell.");

    /// <summary><c>inspirations</c>: programs shown with each request. Default 3.</summary>
    public static OptimizerParameter InspirationsParameter { get; } = OptimizerParameter.Integer("inspirations", 3, 0, 16,
        "Programs shown to the generator with each request: the island's fittest elites first, then random other cells.");

    /// <summary><c>cascade</c>: ask for the evaluation cascade. Default true.</summary>
    public static OptimizerParameter CascadeParameter { get; } = OptimizerParameter.Boolean("cascade", true,
        "Evaluate on a few samples first and drop wrong or far slower candidates there.");

    /// <summary>The parameters, with their defaults.</summary>
    public static IReadOnlyList<OptimizerParameter> Parameters { get; } =
        [IslandsParameter, MigrationIntervalParameter, ExploitRateParameter, InspirationsParameter, CascadeParameter, CommonParameters.StaleLimit];

    /// <summary>The catalog entry.</summary>
    public static OptimizerInfo Info { get; } = new(OptimizerName,
        "Evolution over islands of MAP-Elites grids with ring migration, inspirations and the evaluation cascade.",
        StrategyPrompts.AlphaEvolve, Parameters, settings => new AlphaEvolveOptimizer(settings));

    /// <summary>An optimizer with <paramref name="settings"/> (default: every parameter at its default).</summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter or an invalid value.</exception>
    public AlphaEvolveOptimizer(OptimizerSettings? settings = null)
    {
        Configuration = OptimizerConfiguration.Resolve(OptimizerName, StrategyPrompts.AlphaEvolve, Parameters, settings);
        settings ??= OptimizerSettings.Default;
        Islands = settings.GetInt32(IslandsParameter);
        MigrationInterval = settings.GetInt32(MigrationIntervalParameter);
        ExploitRate = settings.GetDouble(ExploitRateParameter);
        InspirationCount = settings.GetInt32(InspirationsParameter);
        Cascade = settings.GetBoolean(CascadeParameter);
        StaleLimit = settings.GetInt32(CommonParameters.StaleLimit);
    }

    /// <inheritdoc />
    public string Name => OptimizerName;

    /// <inheritdoc />
    public OptimizerConfiguration Configuration { get; }

    /// <inheritdoc />
    public OptimizerStop? LastStop { get; private set; }

    /// <summary>The number of islands.</summary>
    public int Islands { get; }

    /// <summary>Trials between migrations; 0 for never.</summary>
    public int MigrationInterval { get; }

    /// <summary>The chance of taking the island's best as parent.</summary>
    public double ExploitRate { get; }

    /// <summary>Programs shown with each request.</summary>
    public int InspirationCount { get; }

    /// <summary>Whether requests ask for the evaluation cascade.</summary>
    public bool Cascade { get; }

    /// <summary>Trials in a row without anything new before stopping; 0 for never.</summary>
    public int StaleLimit { get; }

    /// <summary>The database of the last run (for inspection and tests).</summary>
    internal ProgramDatabase? LastDatabase { get; private set; }

    /// <inheritdoc />
    public async Task RunAsync(ISearchContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        LastStop = null;
        var session = new SearchSession(context, StaleLimit);
        var random = SeededRandom.For(context.Seed, "sigil.strategies.alphaevolve");
        var database = new ProgramDatabase(context.Baseline, Islands);
        LastDatabase = database;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (session.CheckStop() is { } stop)
            {
                LastStop = stop;
                return;
            }
            var island = session.Trials % Islands;
            var parent = database.SampleParent(island, random, ExploitRate);
            var inspirations = database.SampleInspirations(island, parent, InspirationCount, random);
            var arms = session.UsableArms();
            var arm = arms[random.Next(arms.Count)];
            var outcome = await session.TryAsync(new TrialRequest
            {
                Parent = SearchSession.ParentOf(parent),
                Inspirations = inspirations,
                Arm = arm,
                Cascade = Cascade,
                Label = string.Create(CultureInfo.InvariantCulture, $"island={island} cell={database.CellOf(parent)}"),
            }, ct).ConfigureAwait(false);
            if (outcome.Status is TrialStatus.Evaluated or TrialStatus.Duplicate && outcome.Program is { } program)
            {
                database.Offer(island, program);
            }
            if (MigrationInterval > 0 && session.Trials % MigrationInterval == 0)
            {
                database.Migrate();
            }
        }
    }
}
