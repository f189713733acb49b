namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>Run one candidate against a prepared context: paired, interleaved rounds of baseline and candidate calls.</summary>
internal sealed class EvaluateRequest
{
    /// <summary>The prepared context (<see cref="PrepareRequest.ContextId"/>).</summary>
    public string ContextId { get; init; } = "";

    /// <summary>The candidate's PE image: the whole project, with the same assembly name as the baseline.</summary>
    public byte[] CandidateImage { get; init; } = [];

    /// <summary>
    /// Null: <see cref="CandidateImage"/> is the whole project. Else it is a small assembly referencing the app, and this
    /// class of it holds the pin method (same name and parameters), called with the baseline's app loaded beside it.
    /// </summary>
    public string? CandidateEntryType { get; init; }

    /// <summary>
    /// With a method-only candidate: the baseline's own method compiled the same way, loaded fresh for this evaluation and
    /// timed in place of the app's copy (both sides alike); null: the app's copy.
    /// </summary>
    public byte[]? BaselineMethodImage { get; init; }

    /// <summary>The baseline method image's portable PDB, if any.</summary>
    public byte[]? BaselineMethodPdb { get; init; }

    /// <summary>The class of <see cref="BaselineMethodImage"/> that holds the baseline's method.</summary>
    public string? BaselineMethodEntryType { get; init; }

    /// <summary>The candidate's portable PDB, if any.</summary>
    public byte[]? CandidatePdb { get; init; }

    /// <summary>How many rounds to time (each runs every selected sample once on each side).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Seeds the sample order and the A/B order.</summary>
    public int Seed { get; init; }

    /// <summary>The samples to run, by index; null for all.</summary>
    public List<int>? SampleIndices { get; init; }

    /// <summary>Untimed calls of each side before the rounds.</summary>
    public int WarmupCalls { get; init; }

    /// <summary>Most per-call latencies kept per side (an even stride over all calls beyond this).</summary>
    public int MaxLatencies { get; init; } = 100_000;

    /// <summary>Most characters of console output kept.</summary>
    public int MaxCapturedChars { get; init; } = 4096;
}
