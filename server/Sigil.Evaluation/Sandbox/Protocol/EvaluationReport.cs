namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>What one evaluation measured.</summary>
internal sealed class EvaluationReport
{
    /// <summary>Per round, the sum of the baseline's call times in nanoseconds.</summary>
    public long[] BaselineRoundNs { get; init; } = [];

    /// <summary>Per round, the sum of the candidate's call times in nanoseconds.</summary>
    public long[] CandidateRoundNs { get; init; } = [];

    /// <summary>Per-call baseline times in nanoseconds, in run order (every <see cref="LatencyStride"/>-th call).</summary>
    public long[] BaselineLatencyNs { get; init; } = [];

    /// <summary>Per-call candidate times in nanoseconds, in run order (every <see cref="LatencyStride"/>-th call).</summary>
    public long[] CandidateLatencyNs { get; init; } = [];

    /// <summary>1 when every call's latency is kept; n when one call in n is.</summary>
    public int LatencyStride { get; init; } = 1;

    /// <summary>Whether the pin returns a value (void pins compare no output).</summary>
    public bool ReturnsValue { get; init; }

    /// <summary>Per selected sample, from the first round, in index order.</summary>
    public List<SampleReport> Samples { get; init; } = [];

    /// <summary>How often the candidate threw, per exception type, over all calls (warm-up excluded).</summary>
    public Dictionary<string, int> CandidateExceptions { get; init; } = [];

    /// <summary>Bytes the candidate's timed calls allocated on the calling thread.</summary>
    public long CandidateAllocatedBytes { get; init; }

    /// <summary>CPU time of the calling thread during the candidate's timed calls, in nanoseconds; null where the OS does not tell.</summary>
    public long? CandidateCpuNs { get; init; }

    /// <summary>The worker's peak working set so far, in bytes.</summary>
    public long PeakWorkingSetBytes { get; init; }

    /// <summary>What the calls wrote to Console.Out/Console.Error, up to the request's limit.</summary>
    public string CapturedOutput { get; init; } = "";

    /// <summary>Characters of console output dropped beyond the limit.</summary>
    public long CapturedOutputDropped { get; init; }

    /// <summary>Candidate load contexts of earlier evaluations still alive after a full GC (they failed to unload).</summary>
    public int RetainedContexts { get; init; }

    /// <summary>The first round's sample order, by index.</summary>
    public int[] FirstRoundOrder { get; init; } = [];

    /// <summary>For each entry of <see cref="FirstRoundOrder"/>, whether the baseline ran first.</summary>
    public bool[] FirstRoundBaselineFirst { get; init; } = [];

    /// <summary>A hash of the whole schedule (every round's sample and A/B order): equal seeds give equal digests.</summary>
    public string ScheduleDigest { get; init; } = "";

    /// <summary>Time the worker spent on the request, in milliseconds.</summary>
    public double ElapsedMs { get; init; }
}
