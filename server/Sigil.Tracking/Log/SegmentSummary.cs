namespace Sigil.Tracking.Log;

/// <summary>Counts of a segment's verified call frames, read without decoding their values.</summary>
/// <param name="Name">The segment's file name.</param>
/// <param name="Calls">Complete, checksummed call frames.</param>
/// <param name="LastCallAt">Start time of the newest call, if any.</param>
/// <param name="CallsByFunction">Calls per FunctionID.</param>
public sealed record SegmentSummary(string Name, long Calls, DateTimeOffset? LastCallAt, IReadOnlyDictionary<string, long> CallsByFunction);
