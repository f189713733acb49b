using System.Globalization;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Search;

namespace Sigil.Optimizers.Strategies.Annealing;

/// <summary>
/// Simulated annealing (<c>annealing</c>): keeps a current program (the baseline at first) and asks a seeded-random
/// usable arm for a neighbour of it (<see cref="TrialRequest.Parent"/> = current). A feasible neighbour replaces the
/// current one by the Metropolis rule on the log-fitness gain Δ (see <see cref="FitnessScale.Gain"/>): always when
/// Δ ≥ 0, else with probability exp(Δ / T). A duplicate counts as proposing the earlier program again; rejected,
/// infeasible and out-of-budget trials never move. The temperature falls geometrically from
/// <c>initial-temperature</c> at the first trial to <c>final-temperature</c> at the run's last iteration:
/// T_k = T₀ · (T_f / T₀)^(k / (N − 1)), N being the iterations left when the run starts (so resuming a run with another
/// <c>--niter</c> is a different run). The best feasible program is kept by the run whatever the current one is.
/// Parameters:
/// <list type="bullet">
/// <item><c>initial-temperature</c> (number &gt; 0, default 0.2): at 0.2 a 10% slower neighbour is accepted with p ≈ 0.59.</item>
/// <item><c>final-temperature</c> (number &gt; 0, at most the initial one, default 0.002): at 0.002 the same one with p ≈ 10⁻²³.</item>
/// <item><c>stale-limit</c> (integer ≥ 0, default 25): stop after that many trials in a row gave nothing new; 0 never.</item>
/// </list>
/// </summary>
public sealed class SimulatedAnnealingOptimizer : IConfiguredOptimizer
{
    /// <summary>The optimizer's name.</summary>
    public const string OptimizerName = "annealing";

    /// <summary><c>initial-temperature</c>, in log-fitness units. Default 0.2.</summary>
    public static OptimizerParameter InitialTemperatureParameter { get; } = OptimizerParameter.Number("initial-temperature", 0.2, 0, 100,
        "The temperature at the first trial, in log-fitness units (0.2: a 10% slower neighbour is accepted with p ≈ 0.59).", minimumExclusive: true);

    /// <summary><c>final-temperature</c>, in log-fitness units. Default 0.002.</summary>
    public static OptimizerParameter FinalTemperatureParameter { get; } = OptimizerParameter.Number("final-temperature", 0.002, 0, 100,
        "The temperature at the run's last iteration (geometric cooling in between); at most the initial temperature.", minimumExclusive: true);

    /// <summary>The parameters, with their defaults.</summary>
    public static IReadOnlyList<OptimizerParameter> Parameters { get; } =
        [InitialTemperatureParameter, FinalTemperatureParameter, CommonParameters.StaleLimit];

    /// <summary>The catalog entry.</summary>
    public static OptimizerInfo Info { get; } = new(OptimizerName,
        "Simulated annealing: a neighbour of the current program, Metropolis acceptance on log-fitness, geometric cooling.",
        StrategyPrompts.Annealing, Parameters, settings => new SimulatedAnnealingOptimizer(settings));

    /// <summary>An optimizer with <paramref name="settings"/> (default: every parameter at its default).</summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter, an invalid value, or a final temperature above the initial one.</exception>
    public SimulatedAnnealingOptimizer(OptimizerSettings? settings = null)
    {
        Configuration = OptimizerConfiguration.Resolve(OptimizerName, StrategyPrompts.Annealing, Parameters, settings);
        settings ??= OptimizerSettings.Default;
        InitialTemperature = settings.GetDouble(InitialTemperatureParameter);
        FinalTemperature = settings.GetDouble(FinalTemperatureParameter);
        StaleLimit = settings.GetInt32(CommonParameters.StaleLimit);
        if (FinalTemperature > InitialTemperature)
        {
            throw new OptimizerSettingsException(string.Create(CultureInfo.InvariantCulture,
                $"The annealing parameter 'final-temperature' ({FinalTemperature}) must be at most 'initial-temperature' ({InitialTemperature}): the temperature only falls."));
        }
    }

    /// <inheritdoc />
    public string Name => OptimizerName;

    /// <inheritdoc />
    public OptimizerConfiguration Configuration { get; }

    /// <inheritdoc />
    public OptimizerStop? LastStop { get; private set; }

    /// <summary>The temperature at the first trial.</summary>
    public double InitialTemperature { get; }

    /// <summary>The temperature at the last iteration.</summary>
    public double FinalTemperature { get; }

    /// <summary>Trials in a row without anything new before stopping; 0 for never.</summary>
    public int StaleLimit { get; }

    /// <summary>The temperature of trial <paramref name="k"/> (from 0) of <paramref name="planned"/>.</summary>
    public double Temperature(int k, int planned) =>
        planned <= 1 ? InitialTemperature : InitialTemperature * Math.Pow(FinalTemperature / InitialTemperature, Math.Min(k, planned - 1) / (double)(planned - 1));

    /// <summary>The Metropolis rule: true when a move of log-fitness gain <paramref name="gain"/> is accepted at <paramref name="temperature"/> with the draw <paramref name="u"/> in [0, 1).</summary>
    public static bool Accepts(double gain, double temperature, double u) =>
        gain >= 0 || (temperature > 0 && u < Math.Exp(gain / temperature));

    /// <inheritdoc />
    public async Task RunAsync(ISearchContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        LastStop = null;
        var session = new SearchSession(context, StaleLimit);
        var random = SeededRandom.For(context.Seed, "sigil.strategies.annealing");
        var planned = context.IterationsLeft;
        var current = context.Baseline;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (session.CheckStop() is { } stop)
            {
                LastStop = stop;
                return;
            }
            var temperature = Temperature(session.Trials, planned);
            var arms = session.UsableArms();
            var arm = arms[random.Next(arms.Count)];
            var outcome = await session.TryAsync(new TrialRequest
            {
                Parent = SearchSession.ParentOf(current),
                Arm = arm,
                Label = string.Create(CultureInfo.InvariantCulture, $"annealing T={temperature:G4}"),
            }, ct).ConfigureAwait(false);
            if (outcome.Program is not { Feasible: true } neighbour || neighbour.Id == current.Id || !double.IsFinite(neighbour.Fitness)
                || outcome.Status is not (TrialStatus.Evaluated or TrialStatus.Duplicate))
            {
                continue;
            }
            var gain = current.Feasible ? FitnessScale.Gain(current.Fitness, neighbour.Fitness) : double.PositiveInfinity;
            if (Accepts(gain, temperature, random.NextDouble()))
            {
                current = neighbour;
            }
        }
    }
}
