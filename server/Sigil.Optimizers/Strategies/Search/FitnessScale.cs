namespace Sigil.Optimizers.Strategies.Search;

/// <summary>
/// Comparing fitnesses on a sane scale. Fitness is higher-is-better and relative to the baseline: a speedup (positive,
/// 1.0 for the baseline) or an eval score (any sign). <see cref="Gain"/> is the log of the ratio when both are positive
/// (so 2× faster and 2× slower are +0.69 and −0.69 whatever the absolute level), else the difference relative to the
/// larger magnitude (in [−2, 2]).
/// </summary>
internal static class FitnessScale
{
    /// <summary>How much better <paramref name="to"/> is than <paramref name="from"/> (negative when worse); 0 when either is not finite.</summary>
    public static double Gain(double from, double to)
    {
        if (!double.IsFinite(from) || !double.IsFinite(to))
        {
            return 0;
        }
        if (from > 0 && to > 0)
        {
            return Math.Log(to / from);
        }
        var scale = Math.Max(Math.Abs(from), Math.Abs(to));
        return scale == 0 ? 0 : (to - from) / scale;
    }

    /// <summary>True when <paramref name="candidate"/> is feasible with a finite fitness, and <paramref name="incumbent"/> is infeasible or less fit.</summary>
    public static bool IsBetter(SearchProgram candidate, SearchProgram incumbent) =>
        candidate.Feasible && double.IsFinite(candidate.Fitness) && (!incumbent.Feasible || candidate.Fitness > incumbent.Fitness);
}
