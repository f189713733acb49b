using Sigil.Tracking.Query;

namespace Sigil.Evaluation.Samples;

/// <summary>Which tracked calls of a pin make up a sample set, and how the set is split. Every field goes into the set's digest.</summary>
public sealed record SampleSelection
{
    /// <summary>The default most samples in a set: 1,000.</summary>
    public const int DefaultMaxSamples = 1000;

    /// <summary>The default share of samples held out from the generator: 0.2.</summary>
    public const double DefaultHoldoutShare = 0.2;

    /// <summary>The pin's FunctionID, or a prefix of it (as <see cref="SampleQuery.Function"/>: a prefix also matches earlier ABI hashes of the same method).</summary>
    public required string FunctionId { get; init; }

    /// <summary>The pin's parameter names in declaration order: the keys of each record's inputs, read in this order.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Read the log as it was at this snapshot (reproducible); the current log when null.</summary>
    public LogSnapshot? Snapshot { get; init; }

    /// <summary>Keep one sample per distinct argument tuple (the earliest). Default true.</summary>
    public bool Deduplicate { get; init; } = true;

    /// <summary>The most samples in the set, visible and holdout together (a seeded, reproducible subsample); null for no cap. Default 1,000.</summary>
    public int? MaxSamples { get; init; } = DefaultMaxSamples;

    /// <summary>The share of samples held out from the generator, in [0, 1). Default 0.2.</summary>
    public double HoldoutShare { get; init; } = DefaultHoldoutShare;

    /// <summary>Seeds the subsample and the split.</summary>
    public long Seed { get; init; }
}
