using System.Globalization;
using Sigil.Core.Hashing;
using Sigil.Tracking.Query;

namespace Sigil.Evaluation.Samples;

/// <summary>
/// The samples a pin is evaluated on: replayable tracked calls from the project's sample log, deduplicated, capped and
/// split into a <see cref="Visible"/> part (shown to the generator, used during the search) and a <see cref="Holdout"/>
/// part it never sees. Built by <see cref="SampleSetBuilder"/>; identified by <see cref="Digest"/>, which every result
/// measured on the set must carry.
/// </summary>
public sealed class SampleSet
{
    internal SampleSet(
        SampleSelection selection, LogSnapshot snapshot, string sourceHash, IReadOnlyList<Sample> visible, IReadOnlyList<Sample> holdout,
        string digest, int matched, IReadOnlyDictionary<string, int> skipReasons, int duplicates, int cappedOut)
    {
        Selection = selection;
        Snapshot = snapshot;
        SourceHash = sourceHash;
        Visible = visible;
        Holdout = holdout;
        Digest = digest;
        Matched = matched;
        SkipReasons = skipReasons;
        Duplicates = duplicates;
        CappedOut = cappedOut;
    }

    /// <summary>The selection the set was built with.</summary>
    public SampleSelection Selection { get; }

    /// <summary>The snapshot of the log that was read: save it (<see cref="LogSnapshot.Save"/>) and select with it to rebuild the same set.</summary>
    public LogSnapshot Snapshot { get; }

    /// <summary>The query's sample-set hash (<c>b3:</c> over the matching records' trace ids and frame checksums).</summary>
    public string SourceHash { get; }

    /// <summary>The samples shown to the generator, in call order.</summary>
    public IReadOnlyList<Sample> Visible { get; }

    /// <summary>The samples never shown to the generator, in call order.</summary>
    public IReadOnlyList<Sample> Holdout { get; }

    /// <summary>
    /// <c>b3:&lt;hex&gt;</c> over the source hash, every selection parameter and the trace ids of each part: equal digests
    /// mean the same calls, selected and split the same way. Store it with every evaluation made on the set.
    /// </summary>
    public string Digest { get; }

    /// <summary>Tracked calls of the function in the log (before skipping, deduplication and the cap).</summary>
    public int Matched { get; }

    /// <summary>Calls left out because an argument was not stored (why → how many).</summary>
    public IReadOnlyDictionary<string, int> SkipReasons { get; }

    /// <summary>Calls left out because an identical argument tuple came earlier.</summary>
    public int Duplicates { get; }

    /// <summary>Calls left out by the cap (<see cref="SampleSelection.MaxSamples"/>).</summary>
    public int CappedOut { get; }

    /// <summary>Calls left out because they cannot be replayed.</summary>
    public int Skipped => SkipReasons.Values.Sum();

    /// <summary>Samples in both parts.</summary>
    public int Count => Visible.Count + Holdout.Count;

    /// <summary>One part's samples.</summary>
    public IReadOnlyList<Sample> Part(SamplePart part) => part == SamplePart.Visible ? Visible : Holdout;

    /// <summary>A part's digest: <c>b3:</c> over <see cref="Digest"/> and the part's name (evaluations on the same part of the same set pair up).</summary>
    public string PartDigest(SamplePart part) =>
        "b3:" + Blake3Digest.Hex("sigil/sample-set-part@1\n" + Digest + "\n" + part.ToString().ToLowerInvariant());

    /// <summary>A part's arguments as the worker takes them: per sample, one raw JSON text per parameter.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Arguments(SamplePart part) => Part(part).Select(s => s.Arguments).ToList();

    /// <summary>Up to <paramref name="max"/> sketches of visible samples for a prompt, spread evenly over the part.</summary>
    public IReadOnlyList<string> VisibleSketches(int max = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (Visible.Count <= max) return Visible.Select(s => s.Sketch).ToList();
        return Enumerable.Range(0, max).Select(i => Visible[(int)((long)i * Visible.Count / max)].Sketch).ToList();
    }

    /// <summary>How the set was made, in one sentence.</summary>
    public string Describe()
    {
        var parts = new List<string> { $"{Matched} tracked calls" };
        if (Skipped > 0) parts.Add($"{Skipped} not replayable ({string.Join("; ", SkipReasons.Select(r => $"{r.Value}: {r.Key}"))})");
        if (Duplicates > 0) parts.Add($"{Duplicates} duplicates");
        if (CappedOut > 0) parts.Add($"{CappedOut} over the cap of {Selection.MaxSamples}");
        var share = Selection.HoldoutShare.ToString("0.##", CultureInfo.InvariantCulture);
        return string.Join(", ", parts) + $" → {Count} samples: {Visible.Count} visible, {Holdout.Count} holdout (share {share}, seed {Selection.Seed})";
    }
}
