using Sigil.Tracking.Model;

namespace Sigil.Tracking.Query;

/// <summary>The answer to a <see cref="SampleQuery"/>.</summary>
/// <param name="Records">Matching records, ordered.</param>
/// <param name="Snapshot">The snapshot the query read (re-run with it to get the same answer).</param>
/// <param name="SampleSetHash">b3: digest over the selected records' trace ids and frame checksums.</param>
/// <param name="TornSegments">Segments whose tail was skipped (a writer killed mid-frame, or still writing).</param>
public sealed record SampleQueryResult(IReadOnlyList<SampleRecord> Records, LogSnapshot Snapshot, string SampleSetHash, IReadOnlyList<string> TornSegments);
