namespace Sigil.Trust.Evidence;

/// <summary>
/// The stored metric and evaluator names promotion reads. They mirror <c>Sigil.Evaluation.Measurement.MetricNames</c>,
/// <c>PinEvaluator.HoldoutSuffix</c> and <c>CompareService.CompareSuffix</c> (which are append-only; a test checks that
/// both sides agree) so that this library need not load the evaluation engine.
/// </summary>
internal static class EvidenceMetrics
{
    public const string Speedup = "speedup";
    public const string SpeedupCiLow = "speedup_ci_low";
    public const string SpeedupCiHigh = "speedup_ci_high";
    public const string Rounds = "rounds";
    public const string Samples = "samples";
    public const string CorrectSamples = "correct_samples";
    public const string Accepted = "accepted";
    public const string ScoreDelta = "score_delta";
    public const string ScoreDeltaCiLow = "score_delta_ci_low";
    public const string ScoreDeltaCiHigh = "score_delta_ci_high";

    /// <summary>Derived by promotion: 1 when the evaluation is correct on every sample without an error class, else 0.</summary>
    public const string Correct = "correct";

    /// <summary>Evaluator-name suffix of the holdout confirmation of a run's winner.</summary>
    public const string HoldoutSuffix = "#holdout";

    /// <summary>Evaluator-name suffix of <c>sigil compare</c>'s fresh measurements.</summary>
    public const string CompareSuffix = "#compare";

    /// <summary>The key of the speedup interval in a manifest pin's <c>evidence.ci</c>.</summary>
    public const string SpeedupCi = Speedup;

    /// <summary>The key of the score-difference interval (candidate − baseline) in <c>evidence.ci</c>.</summary>
    public const string ScoreDeltaCi = ScoreDelta;
}
