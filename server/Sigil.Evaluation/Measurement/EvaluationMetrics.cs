using System.Collections.ObjectModel;

namespace Sigil.Evaluation.Measurement;

/// <summary>
/// Everything measured in one paired evaluation, flattened by <see cref="ToDictionary"/> into the name → number map an
/// evaluation record stores (names in <see cref="MetricNames"/>). Absent parts add no metric; nothing is written as NaN.
/// </summary>
public sealed record EvaluationMetrics
{
    /// <summary>The longest metric name a workspace accepts (longer exception type names keep their end).</summary>
    public const int MaxNameLength = 256;

    /// <summary>The paired timing.</summary>
    public TimingComparison? Timing { get; init; }

    /// <summary>The paired eval scores.</summary>
    public ScoreComparison? Scores { get; init; }

    /// <summary>The candidate's per-call latencies.</summary>
    public LatencyQuantiles? CandidateLatency { get; init; }

    /// <summary>The baseline's per-call latencies, for comparison.</summary>
    public LatencyQuantiles? BaselineLatency { get; init; }

    /// <summary>The candidate's errors.</summary>
    public ErrorTaxonomy? CandidateErrors { get; init; }

    /// <summary>The candidate's resource use.</summary>
    public ResourceUsage? Resources { get; init; }

    /// <summary>Samples run.</summary>
    public int? Samples { get; init; }

    /// <summary>Samples whose result was correct.</summary>
    public int? CorrectSamples { get; init; }

    /// <summary>The acceptance decision, when one was made.</summary>
    public bool? Accepted { get; init; }

    /// <summary>The metrics of a decided evaluation: timing, scores, errors, sample counts and the verdict.</summary>
    public static EvaluationMetrics From(AcceptanceEvidence evidence, AcceptanceDecision decision)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(decision);
        return new EvaluationMetrics
        {
            Timing = decision.Timing,
            Scores = decision.Scores,
            CandidateErrors = evidence.CandidateErrors,
            Samples = evidence.Correct.Count,
            CorrectSamples = evidence.Correct.Count(c => c),
            Accepted = decision.Accepted,
        };
    }

    /// <summary>The metrics, sorted by ordinal name.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary()
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (Timing is { } timing)
        {
            metrics[MetricNames.Speedup] = timing.Speedup;
            metrics[MetricNames.SpeedupCiLow] = timing.Interval.Low;
            metrics[MetricNames.SpeedupCiHigh] = timing.Interval.High;
            metrics[MetricNames.SpeedupGeometricMean] = timing.GeometricMeanSpeedup;
            metrics[MetricNames.Confidence] = timing.Interval.Level;
            metrics[MetricNames.MinSpeedup] = timing.MinSpeedup;
            metrics[MetricNames.SpeedupVerdict] = timing.Verdict switch { TimingVerdict.Faster => 1, TimingVerdict.Slower => -1, _ => 0 };
            metrics[MetricNames.Rounds] = timing.Rounds;
            metrics[MetricNames.BaselineRoundNs] = timing.BaselineMeanNs;
            metrics[MetricNames.CandidateRoundNs] = timing.CandidateMeanNs;
        }
        if (Scores is { } scores)
        {
            metrics[MetricNames.ScorePairs] = scores.Pairs;
            metrics[MetricNames.ScoreMissing] = scores.CandidateMissing;
            metrics[MetricNames.Confidence] = scores.Interval.Level;
            if (scores.Pairs > 0)
            {
                metrics[MetricNames.ScoreMean] = scores.CandidateMean;
                metrics[MetricNames.BaselineScoreMean] = scores.BaselineMean;
                metrics[MetricNames.ScoreDelta] = scores.MeanDelta;
                metrics[MetricNames.ScoreDeltaCiLow] = scores.Interval.Low;
                metrics[MetricNames.ScoreDeltaCiHigh] = scores.Interval.High;
            }
        }
        if (CandidateLatency is { } latency) AddLatency(metrics, "", latency);
        if (BaselineLatency is { } baseline) AddLatency(metrics, MetricNames.BaselinePrefix, baseline);
        if (CandidateErrors is { } errors)
        {
            foreach (var (type, count) in errors.Exceptions) metrics[ErrorName(type)] = count;
            metrics[MetricNames.Exceptions] = errors.ExceptionCount;
            metrics[MetricNames.Timeouts] = errors.Timeouts;
            metrics[MetricNames.PolicyViolations] = errors.PolicyViolations;
            metrics[MetricNames.CompileErrors] = errors.CompileErrors;
            metrics[MetricNames.Crashes] = errors.Crashes;
        }
        if (Resources is { } resources)
        {
            if (resources.AllocatedBytesPerCall is { } allocated) metrics[MetricNames.AllocatedBytes] = allocated;
            if (resources.CpuNsPerCall is { } cpu) metrics[MetricNames.CpuNs] = cpu;
            if (resources.PeakMemoryBytes is { } peak) metrics[MetricNames.PeakMemoryBytes] = peak;
        }
        if (Samples is { } samples) metrics[MetricNames.Samples] = samples;
        if (CorrectSamples is { } correct) metrics[MetricNames.CorrectSamples] = correct;
        if (Accepted is { } accepted) metrics[MetricNames.Accepted] = accepted ? 1 : 0;
        return new ReadOnlyDictionary<string, double>(metrics);
    }

    private static void AddLatency(SortedDictionary<string, double> metrics, string prefix, LatencyQuantiles latency)
    {
        metrics[prefix + MetricNames.P50Ns] = latency.P50;
        metrics[prefix + MetricNames.P90Ns] = latency.P90;
        metrics[prefix + MetricNames.P99Ns] = latency.P99;
        metrics[prefix + MetricNames.MeanNs] = latency.Mean;
        metrics[prefix + MetricNames.Calls] = latency.Count;
    }

    private static string ErrorName(string type)
    {
        var name = MetricNames.ErrorsPrefix + type;
        return name.Length <= MaxNameLength ? name : MetricNames.ErrorsPrefix + "…" + type[^(MaxNameLength - MetricNames.ErrorsPrefix.Length - 1)..];
    }
}
