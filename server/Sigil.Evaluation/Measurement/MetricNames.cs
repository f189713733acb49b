namespace Sigil.Evaluation.Measurement;

/// <summary>
/// The stable snake_case names under which <see cref="EvaluationMetrics"/> stores measurements in an evaluation
/// record's metrics. Renaming one breaks comparisons with stored evaluations: add, never rename.
/// </summary>
public static class MetricNames
{
    /// <summary>The trimmed geometric-mean speedup (baseline / candidate).</summary>
    public const string Speedup = "speedup";

    /// <summary>The speedup interval's lower bound.</summary>
    public const string SpeedupCiLow = "speedup_ci_low";

    /// <summary>The speedup interval's upper bound.</summary>
    public const string SpeedupCiHigh = "speedup_ci_high";

    /// <summary>The untrimmed geometric mean of the per-round ratios.</summary>
    public const string SpeedupGeometricMean = "speedup_geomean";

    /// <summary>The confidence level of every interval (0.95).</summary>
    public const string Confidence = "confidence";

    /// <summary>The minimum speedup the verdict asked for.</summary>
    public const string MinSpeedup = "min_speedup";

    /// <summary>The timing verdict: 1 faster, 0 inconclusive, −1 slower.</summary>
    public const string SpeedupVerdict = "speedup_verdict";

    /// <summary>How long compiling the candidate took, milliseconds.</summary>
    public const string CompileMs = "compile_ms";

    /// <summary>1 when the candidate was compiled as its method alone (the fast path), 0 for the whole project.</summary>
    public const string CompiledMethodOnly = "compiled_method_only";

    /// <summary>The number of paired rounds.</summary>
    public const string Rounds = "rounds";

    /// <summary>The baseline's mean round time, nanoseconds.</summary>
    public const string BaselineRoundNs = "baseline_round_ns";

    /// <summary>The candidate's mean round time, nanoseconds.</summary>
    public const string CandidateRoundNs = "candidate_round_ns";

    /// <summary>The candidate's median latency per call, nanoseconds.</summary>
    public const string P50Ns = "p50_ns";

    /// <summary>The candidate's 90th percentile latency, nanoseconds.</summary>
    public const string P90Ns = "p90_ns";

    /// <summary>The candidate's 99th percentile latency, nanoseconds.</summary>
    public const string P99Ns = "p99_ns";

    /// <summary>The candidate's mean latency, nanoseconds.</summary>
    public const string MeanNs = "mean_ns";

    /// <summary>The number of timed candidate calls.</summary>
    public const string Calls = "calls";

    /// <summary>Prefix of the baseline's latency metrics (<c>baseline_p50_ns</c>, …).</summary>
    public const string BaselinePrefix = "baseline_";

    /// <summary>The candidate's mean eval score over the scored pairs.</summary>
    public const string ScoreMean = "score_mean";

    /// <summary>The baseline's mean eval score over the same pairs.</summary>
    public const string BaselineScoreMean = "baseline_score_mean";

    /// <summary>The mean score difference candidate − baseline.</summary>
    public const string ScoreDelta = "score_delta";

    /// <summary>The score difference interval's lower bound.</summary>
    public const string ScoreDeltaCiLow = "score_delta_ci_low";

    /// <summary>The score difference interval's upper bound.</summary>
    public const string ScoreDeltaCiHigh = "score_delta_ci_high";

    /// <summary>Samples both arms scored.</summary>
    public const string ScorePairs = "score_pairs";

    /// <summary>Samples the baseline scored and the candidate did not.</summary>
    public const string ScoreMissing = "score_missing";

    /// <summary>The candidate's mean allocated bytes per call.</summary>
    public const string AllocatedBytes = "allocated_bytes";

    /// <summary>The candidate's mean CPU time per call, nanoseconds.</summary>
    public const string CpuNs = "cpu_ns";

    /// <summary>The worker's peak working set running the candidate, bytes.</summary>
    public const string PeakMemoryBytes = "peak_memory_bytes";

    /// <summary>Prefix of the per-exception-type counts: <c>errors.System.InvalidOperationException</c>.</summary>
    public const string ErrorsPrefix = "errors.";

    /// <summary>All exceptions the candidate threw.</summary>
    public const string Exceptions = "exceptions";

    /// <summary>Timeouts.</summary>
    public const string Timeouts = "timeouts";

    /// <summary>API policy violations.</summary>
    public const string PolicyViolations = "policy_violations";

    /// <summary>Compile errors.</summary>
    public const string CompileErrors = "compile_errors";

    /// <summary>Worker crashes.</summary>
    public const string Crashes = "crashes";

    /// <summary>Samples run.</summary>
    public const string Samples = "samples";

    /// <summary>Samples whose result matched the baseline's.</summary>
    public const string CorrectSamples = "correct_samples";

    /// <summary>1 when the acceptance rule accepted the candidate, 0 when it rejected it.</summary>
    public const string Accepted = "accepted";
}
