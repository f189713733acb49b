namespace Sigil.Optimizers.Strategies;

/// <summary>
/// An evaluated program of a run: the baseline or a candidate. <see cref="Fitness"/> is higher-is-better and
/// comparable across the run (the baseline's is the reference: a speedup of 1.0 for the speed objective, its eval score
/// for the score objective); a program that is not <see cref="Feasible"/> (wrong results, errors, policy) must never be
/// chosen as better than a feasible one.
/// </summary>
/// <param name="Id">The candidate id (<c>diff://b3:…</c>) or <see cref="BaselineId"/>.</param>
/// <param name="ParentId">The parent's id; <c>null</c> for the baseline.</param>
/// <param name="MethodSource">The pinned method's source in this program.</param>
/// <param name="Fitness">Higher is better; meaningful only when <see cref="Feasible"/>.</param>
/// <param name="Feasible">Correct (same outputs as the baseline or the eval function's verdict) and ran without errors.</param>
/// <param name="Metrics">The evaluation's metrics (speedup, its CI bounds, eval score, latency quantiles, …).</param>
/// <param name="Iteration">The trial that produced it (0 for the baseline).</param>
public sealed record SearchProgram(
    string Id,
    string? ParentId,
    string MethodSource,
    double Fitness,
    bool Feasible,
    IReadOnlyDictionary<string, double> Metrics,
    int Iteration)
{
    /// <summary>The id of the baseline program.</summary>
    public const string BaselineId = "baseline";

    /// <summary>True for the baseline.</summary>
    public bool IsBaseline => Id == BaselineId;
}
