namespace Sigil.Runs;

/// <summary>What a run maximizes.</summary>
public enum RunObjective
{
    /// <summary>Speed: fitness is the speedup over the baseline (baseline time / candidate time); the eval function guards correctness.</summary>
    Speed,

    /// <summary>Score: fitness is the eval function's mean score over the samples (higher is better).</summary>
    Score,
}
