using System.Globalization;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Search;

namespace Sigil.Optimizers.Strategies.BestOfN;

/// <summary>
/// Best-of-N (<c>best-of-n</c>): N independent proposals, each from the baseline, cycling over the usable arms in the
/// context's order: a sampling of the generators with no search guiding it, the plain baseline other strategies must
/// beat. Uses no randomness of its own (each trial's generator seed comes from the run). Parameters:
/// <list type="bullet">
/// <item><c>n</c> (integer ≥ 0, default 0): proposals to make; 0 makes as many as the run's iterations allow.</item>
/// <item><c>stale-limit</c> (integer ≥ 0, default 25): stop after that many trials in a row gave nothing new; 0 never.</item>
/// </list>
/// Stops after N proposals, at the last iteration, when only costly arms are left on a spent budget, or at the stale limit.
/// </summary>
public sealed class BestOfNOptimizer : IConfiguredOptimizer
{
    /// <summary>The optimizer's name.</summary>
    public const string OptimizerName = "best-of-n";

    /// <summary><c>n</c>: the number of proposals (0: as many as iterations allow). Default 0.</summary>
    public static OptimizerParameter CountParameter { get; } = OptimizerParameter.Integer("n", 0, 0, 10_000_000,
        "Independent proposals to make from the baseline; 0 makes as many as the run's iterations allow.");

    /// <summary>The parameters, with their defaults.</summary>
    public static IReadOnlyList<OptimizerParameter> Parameters { get; } = [CountParameter, CommonParameters.StaleLimit];

    /// <summary>The catalog entry.</summary>
    public static OptimizerInfo Info { get; } = new(OptimizerName,
        "N independent proposals from the baseline, cycling over the arms (the plain baseline).",
        MasterPrompt.Default, Parameters, settings => new BestOfNOptimizer(settings));

    /// <summary>An optimizer with <paramref name="settings"/> (default: every parameter at its default).</summary>
    /// <exception cref="OptimizerSettingsException">An unknown parameter or an invalid value.</exception>
    public BestOfNOptimizer(OptimizerSettings? settings = null)
    {
        Configuration = OptimizerConfiguration.Resolve(OptimizerName, MasterPrompt.Default, Parameters, settings);
        settings ??= OptimizerSettings.Default;
        Count = settings.GetInt32(CountParameter);
        StaleLimit = settings.GetInt32(CommonParameters.StaleLimit);
    }

    /// <inheritdoc />
    public string Name => OptimizerName;

    /// <inheritdoc />
    public OptimizerConfiguration Configuration { get; }

    /// <inheritdoc />
    public OptimizerStop? LastStop { get; private set; }

    /// <summary>The number of proposals; 0 for as many as iterations allow.</summary>
    public int Count { get; }

    /// <summary>Trials in a row without anything new before stopping; 0 for never.</summary>
    public int StaleLimit { get; }

    /// <inheritdoc />
    public async Task RunAsync(ISearchContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        LastStop = null;
        var session = new SearchSession(context, StaleLimit);
        var planned = Count == 0 ? context.IterationsLeft : Count;
        var next = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (session.Trials >= planned)
            {
                LastStop = session.Stop(StopReason.Completed, $"All {planned} proposals were made.");
                return;
            }
            if (session.CheckStop() is { } stop)
            {
                LastStop = stop;
                return;
            }
            var arms = session.UsableArms();
            var arm = arms[next++ % arms.Count];
            await session.TryAsync(new TrialRequest
            {
                Arm = arm,
                Label = string.Create(CultureInfo.InvariantCulture, $"best-of-n {session.Trials + 1}"),
            }, ct).ConfigureAwait(false);
        }
    }
}
