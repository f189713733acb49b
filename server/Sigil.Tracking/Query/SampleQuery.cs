namespace Sigil.Tracking.Query;

/// <summary>Which records to read. Results are ordered by timestamp, then trace id.</summary>
public sealed record SampleQuery
{
    /// <summary>Only records of this spec.</summary>
    public string? Spec { get; init; }

    /// <summary>Only records of this FunctionID (exact), or of FunctionIDs starting with it.</summary>
    public string? Function { get; init; }

    /// <summary>Only records at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only records before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only the last N records after filtering.</summary>
    public int? Last { get; init; }

    /// <summary>Read the log as it was at this snapshot (reproducible); the current log when null.</summary>
    public LogSnapshot? Snapshot { get; init; }
}
