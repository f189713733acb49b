namespace Sigil.Runs.Inspection;

/// <summary>What <c>sigil compare SPEC WS [CANDIDATE]</c> asks.</summary>
public sealed record CompareRequest
{
    /// <summary>The user's project file.</summary>
    public required string ProjectFile { get; init; }

    /// <summary>The project's <c>.sigil</c> directory.</summary>
    public required string SigilDirectory { get; init; }

    /// <summary>The spec.</summary>
    public required string Spec { get; init; }

    /// <summary>The workspace.</summary>
    public required string Workspace { get; init; }

    /// <summary>A candidate (id or digest prefix); <c>null</c> compares each pin's best correct candidate of the workspace.</summary>
    public string? Candidate { get; init; }

    /// <summary>Interleaved paired rounds.</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>Samples replayed at most (all tracked calls, holdout included).</summary>
    public int MaxSamples { get; init; } = 1000;

    /// <summary>The seed of the interleaving and the sample subset.</summary>
    public long Seed { get; init; } = 1;
}
