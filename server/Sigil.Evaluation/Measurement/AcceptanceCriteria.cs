namespace Sigil.Evaluation.Measurement;

/// <summary>What <see cref="AcceptanceRule"/> demands of a candidate. The defaults claim any statistically supported gain at 95%.</summary>
public sealed record AcceptanceCriteria
{
    /// <summary>The defaults: speed, 95%, minimum speedup 1.0, 20% trimming, score margins 0.</summary>
    public static AcceptanceCriteria Default { get; } = new();

    /// <summary>What must improve. Default <see cref="Objective.Speed"/>.</summary>
    public Objective Objective { get; init; } = Objective.Speed;

    /// <summary>The two-sided confidence level of every interval. Default 0.95.</summary>
    public double Confidence { get; init; } = PairedTiming.DefaultConfidence;

    /// <summary>Speed: the speedup's lower bound must exceed this (≥ 1). Default 1.0 (any supported gain); 1.05 asks for at least 5%.</summary>
    public double MinSpeedup { get; init; } = 1.0;

    /// <summary>Speed: the share of per-round log ratios trimmed at each end. Default 0.2 (see <see cref="PairedTiming"/>).</summary>
    public double Trim { get; init; } = PairedTiming.DefaultTrim;

    /// <summary>Score: the mean score difference's lower bound must exceed this. Default 0.</summary>
    public double MinScoreDelta { get; init; }

    /// <summary>
    /// Speed, when scores were measured: the candidate's mean score may be at most this much below the baseline's (the
    /// difference's lower bound must be ≥ −margin). Default 0: with correct outputs and a deterministic eval every
    /// difference is 0, which passes.
    /// </summary>
    public double ScoreNonInferiorityMargin { get; init; }
}
