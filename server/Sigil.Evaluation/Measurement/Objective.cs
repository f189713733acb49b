namespace Sigil.Evaluation.Measurement;

/// <summary>What a candidate must improve to be accepted.</summary>
public enum Objective
{
    /// <summary>Run time: the paired speedup over the baseline.</summary>
    Speed,

    /// <summary>The eval function's score (higher is better), paired per sample.</summary>
    Score,
}
