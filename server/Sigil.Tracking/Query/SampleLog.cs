using System.Text;
using Sigil.Core.Hashing;
using Sigil.Runtime.Tracking;
using Sigil.Tracking.Log;
using Sigil.Tracking.Model;

namespace Sigil.Tracking.Query;

/// <summary>The sample log of a project (<c>.sigil/samples/*.slog</c>), read-only.</summary>
public sealed class SampleLog
{
    private readonly string _folder;

    private SampleLog(string sigilDirectory)
    {
        SigilDirectory = sigilDirectory;
        _folder = Path.Combine(sigilDirectory, SampleLogFormat.FolderName);
    }

    /// <summary>The project's <c>.sigil</c> directory.</summary>
    public string SigilDirectory { get; }

    /// <summary>Opens the log of a <c>.sigil</c> directory (an absent log reads as empty).</summary>
    public static SampleLog Open(string sigilDirectory) => new(sigilDirectory);

    /// <summary>Runs a query.</summary>
    public SampleQueryResult Query(SampleQuery query)
    {
        var contents = query.Snapshot is { } snapshot ? ReadAt(snapshot) : ReadCurrent();
        var taken = new LogSnapshot
        {
            Segments = new SortedDictionary<string, long>(contents.ToDictionary(c => c.Name, c => c.ValidLength), StringComparer.Ordinal),
        };
        var selected = contents
            .SelectMany(c => c.Records.Select((record, i) => (record, digest: c.FrameDigests[i])))
            .Where(x => Matches(x.record, query))
            .OrderBy(x => x.record.Timestamp)
            .ThenBy(x => x.record.TraceId, StringComparer.Ordinal)
            .ToList();
        if (query.Last is { } last && selected.Count > last)
        {
            selected = selected.GetRange(selected.Count - last, last);
        }
        var hashInput = new StringBuilder();
        foreach (var (record, digest) in selected)
        {
            hashInput.Append(record.TraceId).Append(':').Append(digest.ToString("x8")).Append('\n');
        }
        var torn = contents.Where(c => c.TornTail).Select(c => c.Name).ToList();
        return new SampleQueryResult(selected.Select(x => x.record).ToList(), taken, "b3:" + Blake3Digest.Hex(hashInput.ToString()), torn);
    }

    /// <summary>How many call records the log holds now (frames verified, values not decoded).</summary>
    public long CountRecords() => Summarize().Sum(s => s.Calls);

    /// <summary>Per segment: record counts, newest time and counts per FunctionID, without decoding values.</summary>
    public IReadOnlyList<SegmentSummary> Summarize() =>
        Directory.Exists(_folder)
            ? Directory.EnumerateFiles(_folder, "*" + SampleLogFormat.Extension).Order(StringComparer.Ordinal).Select(SegmentReader.Summarize).ToList()
            : [];

    private static bool Matches(SampleRecord record, SampleQuery query) =>
        (query.Spec is null || record.Spec == query.Spec)
        && (query.Function is null || record.FunctionId.StartsWith(query.Function, StringComparison.Ordinal))
        && (query.Since is null || record.Timestamp >= query.Since)
        && (query.Until is null || record.Timestamp < query.Until);

    private List<SegmentContents> ReadCurrent()
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(_folder, "*" + SampleLogFormat.Extension)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(path => SegmentReader.Read(path))
            .ToList();
    }

    private List<SegmentContents> ReadAt(LogSnapshot snapshot)
    {
        var result = new List<SegmentContents>();
        foreach (var (name, length) in snapshot.Segments)
        {
            var path = Path.Combine(_folder, name);
            if (name.Contains('/') || name.Contains('\\') || !File.Exists(path))
            {
                throw new SampleLogException($"Segment {name} of the snapshot is missing from {_folder}: the log was altered or this is another project's snapshot.");
            }
            var contents = SegmentReader.Read(path, length);
            if (contents.ValidLength != length)
            {
                throw new SampleLogException($"Segment {name} holds {contents.ValidLength} valid bytes but the snapshot recorded {length}: the log was altered.");
            }
            result.Add(contents);
        }
        return result;
    }
}
