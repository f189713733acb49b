using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// The outcome of one sandboxed evaluation: the paired measurements when the candidate ran
/// (<see cref="ErrorClass"/> is <see cref="SandboxErrorClass.None"/>), else the error class and a message fit to show a
/// user or feed back to an LLM.
/// </summary>
public sealed record SandboxResult
{
    private SandboxResult(SandboxErrorClass errorClass, string message)
    {
        ErrorClass = errorClass;
        Message = message;
    }

    /// <summary>Why there are no measurements; <see cref="SandboxErrorClass.None"/> when the candidate ran.</summary>
    public SandboxErrorClass ErrorClass { get; }

    /// <summary>The stable string of <see cref="ErrorClass"/> (<c>timeout</c>, <c>stack-overflow</c>, …; <c>none</c>).</summary>
    public string ErrorCode => ErrorClass.ToCode();

    /// <summary>Whether the candidate ran to the end of its rounds.</summary>
    public bool Succeeded => ErrorClass == SandboxErrorClass.None;

    /// <summary>What happened, in a sentence or two: e.g. "The candidate ran past the 30 s limit and was stopped."</summary>
    public string Message { get; }

    /// <summary>The forbidden uses found by the API policy (for <see cref="SandboxErrorClass.PolicyViolation"/>).</summary>
    public IReadOnlyList<ApiViolation> PolicyViolations { get; private init; } = [];

    /// <summary>Per round, the sum of the baseline's call times in nanoseconds.</summary>
    public IReadOnlyList<long> BaselineRoundNs { get; private init; } = [];

    /// <summary>Per round, the sum of the candidate's call times in nanoseconds (paired with <see cref="BaselineRoundNs"/>).</summary>
    public IReadOnlyList<long> CandidateRoundNs { get; private init; } = [];

    /// <summary>The baseline's per-call times in nanoseconds, in run order (one in <see cref="LatencyStride"/>).</summary>
    public IReadOnlyList<long> BaselineLatencyNs { get; private init; } = [];

    /// <summary>The candidate's per-call times in nanoseconds, in run order (one in <see cref="LatencyStride"/>).</summary>
    public IReadOnlyList<long> CandidateLatencyNs { get; private init; } = [];

    /// <summary>1 when every call's latency is kept, n when one call in n is (beyond <see cref="SandboxOptions.MaxLatencies"/>).</summary>
    public int LatencyStride { get; private init; } = 1;

    /// <summary>How many rounds ran.</summary>
    public int Rounds => BaselineRoundNs.Count;

    /// <summary>Whether the pin returns a value (void pins compare no output).</summary>
    public bool ReturnsValue { get; private init; }

    /// <summary>Per selected sample, in index order: output equality, scores and exceptions from the first round.</summary>
    public IReadOnlyList<SampleOutcome> Samples { get; private init; } = [];

    /// <summary>How many samples' outputs differ from the baseline's.</summary>
    public int Mismatches => Samples.Count(sample => !sample.OutputsEqual);

    /// <summary>How often the candidate threw, per exception type (full name), over all timed calls.</summary>
    public IReadOnlyDictionary<string, int> CandidateExceptions { get; private init; } = new Dictionary<string, int>();

    /// <summary>What the candidate's timed calls cost beyond time; null when it did not run.</summary>
    public SandboxResources? Resources { get; private init; }

    /// <summary>What the calls wrote to Console.Out/Console.Error (up to <see cref="SandboxOptions.MaxCapturedOutputChars"/>).</summary>
    public string CapturedOutput { get; private init; } = "";

    /// <summary>Characters of console output dropped beyond the limit.</summary>
    public long CapturedOutputDropped { get; private init; }

    /// <summary>The first round's sample order, by index.</summary>
    public IReadOnlyList<int> FirstRoundOrder { get; private init; } = [];

    /// <summary>For each entry of <see cref="FirstRoundOrder"/>, whether the baseline ran before the candidate.</summary>
    public IReadOnlyList<bool> FirstRoundBaselineFirst { get; private init; } = [];

    /// <summary>A digest of the whole schedule (every round's sample order and A/B order): equal for equal seeds and samples.</summary>
    public string ScheduleDigest { get; private init; } = "";

    /// <summary>Candidate load contexts of earlier evaluations the worker could not unload (something keeps them alive); many make the pool replace the worker.</summary>
    public int WorkerRetainedContexts { get; private init; }

    /// <summary>The worker's own stderr around a crash (the runtime's message and stack), shortened; null otherwise.</summary>
    public string? WorkerDiagnostics { get; private init; }

    /// <summary>Time from handing the job to the pool to having its result (policy check, any worker start or prepare, the run).</summary>
    public TimeSpan Elapsed { get; internal init; }

    /// <summary>Time the worker spent on the evaluation itself (load, warm-up, rounds, unload).</summary>
    public TimeSpan WorkerElapsed { get; private init; }

    internal static SandboxResult Failure(SandboxErrorClass errorClass, string message, string? diagnostics = null) =>
        new(errorClass, message) { WorkerDiagnostics = diagnostics };

    internal static SandboxResult PolicyViolation(IReadOnlyList<ApiViolation> violations)
    {
        const int shown = 5;
        var list = string.Join("; ", violations.Take(shown));
        var more = violations.Count > shown ? $" and {violations.Count - shown} more" : "";
        return new SandboxResult(SandboxErrorClass.PolicyViolation,
            $"The candidate uses APIs the sandbox policy forbids, so it was not run: {list}{more}. Use pure computation only.")
        {
            PolicyViolations = violations,
        };
    }

    internal static SandboxResult FromReport(EvaluationReport report)
    {
        var mismatches = report.Samples.Count(sample => !sample.OutputsEqual);
        var thrown = report.CandidateExceptions.Values.Sum();
        var message = $"Ran {report.BaselineRoundNs.Length} rounds over {report.Samples.Count} samples: "
            + (mismatches == 0 ? "every output equals the baseline's" : $"{mismatches} of {report.Samples.Count} outputs differ from the baseline's")
            + (thrown == 0 ? "." : $"; the candidate threw {thrown} times ({string.Join(", ", report.CandidateExceptions.Select(pair => $"{pair.Key} ×{pair.Value}"))}).");
        return new SandboxResult(SandboxErrorClass.None, message)
        {
            BaselineRoundNs = report.BaselineRoundNs,
            CandidateRoundNs = report.CandidateRoundNs,
            BaselineLatencyNs = report.BaselineLatencyNs,
            CandidateLatencyNs = report.CandidateLatencyNs,
            LatencyStride = report.LatencyStride,
            ReturnsValue = report.ReturnsValue,
            Samples = [.. report.Samples.Select(s => new SampleOutcome(s.Index, s.OutputsEqual, s.BaselineScore, s.CandidateScore,
                s.BaselineException, s.CandidateException, s.CandidateExceptionMessage, s.Note))],
            CandidateExceptions = new Dictionary<string, int>(report.CandidateExceptions),
            Resources = new SandboxResources(report.CandidateAllocatedBytes,
                report.CandidateCpuNs is { } ns ? TimeSpan.FromTicks(ns / 100) : null, report.PeakWorkingSetBytes),
            CapturedOutput = report.CapturedOutput,
            CapturedOutputDropped = report.CapturedOutputDropped,
            FirstRoundOrder = report.FirstRoundOrder,
            FirstRoundBaselineFirst = report.FirstRoundBaselineFirst,
            ScheduleDigest = report.ScheduleDigest,
            WorkerRetainedContexts = report.RetainedContexts,
            WorkerElapsed = TimeSpan.FromMilliseconds(report.ElapsedMs),
        };
    }
}
