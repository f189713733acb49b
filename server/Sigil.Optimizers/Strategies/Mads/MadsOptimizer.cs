using System.Globalization;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Search;

namespace Sigil.Optimizers.Strategies.Mads;

/// <summary>
/// Mesh Adaptive Direct Search (<c>mads</c>) over the numeric literals of the pinned method (see
/// <see cref="Generators.Rules.NumericLiterals"/>). It writes its own answers: each trial is the whole method, in a
/// fenced <c>csharp</c> block, with new literal values (<see cref="TrialRequest.Answer"/>, built on the incumbent).
/// <para>
/// An iteration polls the maximal positive basis ±e_j around the incumbent x at poll size Δ (relative): coordinate j
/// moves by Δ·s_j, s_j being the literal's magnitude (at least 1 for integers; 1 for a float 0). Integer literals move
/// by whole steps of at least 1; values outside the literal's type (or, with <c>keep-sign</c>, crossing zero) are
/// infeasible and not tried. Polling is opportunistic: the last successful direction first, the others in a seeded
/// order, stopping at the first point fitter than the incumbent. Success doubles Δ (at most <c>initial-step</c>);
/// failure halves it. Infeasible and rejected points are an extreme barrier (never the incumbent); a point already
/// tried is not tried again. MADS stops when the mesh is below its minimum — every float coordinate's Δ under
/// <c>min-step</c> and every integer coordinate's step already 1 and failed — or when iterations run out. The budget
/// does not stop it (its answers cost nothing); it only ends the optional search step.
/// </para>
/// <para>
/// Search step (<c>search-every</c> = k &gt; 0): every k-th iteration, before polling, an LLM arm (if the run has one
/// and the budget allows) is asked to improve the incumbent; its result becomes the incumbent when it is fitter and is
/// the same method with only the tuned literals' values changed. A method without numeric literals stops at once with
/// <see cref="StopReason.NothingToTune"/> and nothing tried.
/// </para>
/// Parameters:
/// <list type="bullet">
/// <item><c>initial-step</c> (number &gt; 0 up to 10, default 0.5): the first poll size, relative to each literal's scale.</item>
/// <item><c>min-step</c> (number &gt; 0 up to 1, default 0.001): the poll size below which float literals count as converged.</item>
/// <item><c>literals</c> (<c>all</c>, <c>loops</c> or indexes like <c>0,3</c>; default <c>all</c>): which literals to tune.</item>
/// <item><c>keep-sign</c> (true/false, default true): a non-zero literal never crosses or reaches zero.</item>
/// <item><c>search-every</c> (integer ≥ 0, default 0): the LLM search step's period in iterations; 0 turns it off.</item>
/// </list>
/// </summary>
public sealed class MadsOptimizer : IConfiguredOptimizer
{
    /// <summary>The optimizer's name.</summary>
    public const string OptimizerName = "mads";

    /// <summary><c>initial-step</c>: the first poll size, relative. Default 0.5.</summary>
    public static OptimizerParameter InitialStepParameter { get; } = OptimizerParameter.Number("initial-step", 0.5, 0, 10,
        "The first poll size, relative to each literal's magnitude (0.5: a literal 40 is polled at 20 and 60); also the largest.", minimumExclusive: true);

    /// <summary><c>min-step</c>: the relative poll size where float literals count as converged. Default 0.001.</summary>
    public static OptimizerParameter MinStepParameter { get; } = OptimizerParameter.Number("min-step", 0.001, 0, 1,
        "The relative poll size below which float literals count as converged (integer ones converge when a step of 1 fails).", minimumExclusive: true);

    /// <summary><c>literals</c>: which literals to tune. Default <c>all</c>.</summary>
    public static OptimizerParameter LiteralsParameter { get; } = OptimizerParameter.Text("literals", "all",
        "all, loops (only literals in loop conditions) or comma-separated literal indexes (0,3)",
        "Which numeric literals of the method are tuned.");

    /// <summary><c>keep-sign</c>: non-zero literals keep their sign. Default true.</summary>
    public static OptimizerParameter KeepSignParameter { get; } = OptimizerParameter.Boolean("keep-sign", true,
        "A non-zero literal never crosses or reaches zero (an iteration count stays positive).");

    /// <summary><c>search-every</c>: the LLM search step's period (0: off). Default 0.</summary>
    public static OptimizerParameter SearchEveryParameter { get; } = OptimizerParameter.Integer("search-every", 0, 0, 1_000_000,
        "Every this many iterations, ask an LLM arm (when there is one and budget) for better literal values before polling; 0 never asks.");

    /// <summary>The parameters, with their defaults.</summary>
    public static IReadOnlyList<OptimizerParameter> Parameters { get; } =
        [InitialStepParameter, MinStepParameter, LiteralsParameter, KeepSignParameter, SearchEveryParameter];

    /// <summary>The catalog entry.</summary>
    public static OptimizerInfo Info { get; } = new(OptimizerName,
        "Mesh Adaptive Direct Search over the method's numeric literals (writes its own answers; no generator needed).",
        StrategyPrompts.Mads, Parameters, settings => new MadsOptimizer(settings));

    /// <summary>An optimizer with <paramref name="settings"/> (default: every parameter at its default).</summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter or an invalid value.</exception>
    public MadsOptimizer(OptimizerSettings? settings = null)
    {
        Configuration = OptimizerConfiguration.Resolve(OptimizerName, StrategyPrompts.Mads, Parameters, settings);
        settings ??= OptimizerSettings.Default;
        InitialStep = settings.GetDouble(InitialStepParameter);
        MinStep = settings.GetDouble(MinStepParameter);
        Literals = settings.GetString(LiteralsParameter).Trim();
        KeepSign = settings.GetBoolean(KeepSignParameter);
        SearchEvery = settings.GetInt32(SearchEveryParameter);
        if (!LiteralSpace.IsValidSelection(Literals))
        {
            throw new OptimizerSettingsException($"The mads parameter 'literals' must be {LiteralsParameter.ValidValues}; got '{Literals}'.");
        }
        if (MinStep > InitialStep)
        {
            throw new OptimizerSettingsException(string.Create(CultureInfo.InvariantCulture,
                $"The mads parameter 'min-step' ({MinStep}) must be at most 'initial-step' ({InitialStep})."));
        }
    }

    /// <inheritdoc />
    public string Name => OptimizerName;

    /// <inheritdoc />
    public OptimizerConfiguration Configuration { get; }

    /// <inheritdoc />
    public OptimizerStop? LastStop { get; private set; }

    /// <summary>The first (and largest) relative poll size.</summary>
    public double InitialStep { get; }

    /// <summary>The relative poll size where float literals count as converged.</summary>
    public double MinStep { get; }

    /// <summary>Which literals are tuned (<c>all</c>, <c>loops</c> or indexes).</summary>
    public string Literals { get; }

    /// <summary>Whether non-zero literals keep their sign.</summary>
    public bool KeepSign { get; }

    /// <summary>The search step's period in iterations; 0 for none.</summary>
    public int SearchEvery { get; }

    /// <summary>The literals MADS would tune in <paramref name="methodSource"/>, or why there are none.</summary>
    public IReadOnlyList<Generators.Rules.NumericLiteral> TunableLiterals(string methodSource, out string? problem) =>
        LiteralSpace.Create(methodSource, Literals, KeepSign, out problem)?.Literals ?? [];

    /// <inheritdoc />
    public async Task RunAsync(ISearchContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        LastStop = null;
        var session = new SearchSession(context, staleLimit: 0);
        var space = LiteralSpace.Create(context.Baseline.MethodSource, Literals, KeepSign, out var problem);
        if (space is null)
        {
            LastStop = session.Stop(StopReason.NothingToTune, problem!);
            return;
        }
        var search = new MadsSearch(this, space, session, SeededRandom.For(context.Seed, "sigil.strategies.mads"));
        LastStop = await search.RunAsync(ct).ConfigureAwait(false);
    }
}
