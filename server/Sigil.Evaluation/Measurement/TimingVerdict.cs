namespace Sigil.Evaluation.Measurement;

/// <summary>What paired timing supports at its confidence level.</summary>
public enum TimingVerdict
{
    /// <summary>Neither faster by the minimum speedup nor slower: not enough evidence either way (or a gain smaller than asked for).</summary>
    Inconclusive,

    /// <summary>The speedup's lower bound is above the minimum speedup (and the untrimmed geometric mean is above 1).</summary>
    Faster,

    /// <summary>The speedup's upper bound is below 1: the candidate is slower.</summary>
    Slower,
}
