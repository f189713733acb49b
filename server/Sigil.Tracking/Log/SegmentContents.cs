using Sigil.Tracking.Model;

namespace Sigil.Tracking.Log;

/// <summary>What a reader found in one segment file up to a byte length.</summary>
/// <param name="Name">The segment's file name.</param>
/// <param name="ValidLength">Bytes up to the end of the last complete, checksummed frame.</param>
/// <param name="Records">The call records, in write order.</param>
/// <param name="TornTail">True when bytes after <paramref name="ValidLength"/> were skipped (a writer killed mid-frame, or still writing).</param>
/// <param name="FrameDigests">Per record, the xxh32 of its frame, for the sample-set hash.</param>
public sealed record SegmentContents(string Name, long ValidLength, IReadOnlyList<SampleRecord> Records, bool TornTail, IReadOnlyList<uint> FrameDigests);
