using System.Globalization;
using System.Text;
using System.Text.Json;
using Sigil.Core.Hashing;
using Sigil.Tracking.Model;
using Sigil.Tracking.Query;

namespace Sigil.Evaluation.Samples;

/// <summary>Builds a <see cref="SampleSet"/> from a project's sample log.</summary>
/// <remarks>
/// <para>Steps, in order: query the log for the function (at the selection's snapshot, if any); keep the records whose
/// every parameter has a replayable value (<see cref="ArgumentReplay"/>), counting the others by reason; keep the
/// earliest of identical argument tuples; cap to <see cref="SampleSelection.MaxSamples"/> by taking the records with the
/// smallest keyed hash of (seed, trace id) — a reproducible subsample that mostly survives the log growing; then split.</para>
/// <para><b>The split</b> puts a sample in the holdout when a keyed hash of (seed, argument tuple) falls below the
/// holdout share. Keyed by the arguments rather than the trace id, so that equal inputs always land on the same side:
/// with deduplication off, a call repeated with the same arguments can never be visible in one copy and held out in
/// another (which would leak the holdout to the generator). A sample's side depends only on its arguments and the seed,
/// never on the other samples, so it does not move as the log grows.</para>
/// </remarks>
public static class SampleSetBuilder
{
    /// <summary>Reads the log and builds the set.</summary>
    /// <exception cref="SampleSetException">The log holds no call of the function, or none that can be replayed.</exception>
    /// <exception cref="SampleLogException">The selection's snapshot does not match the log.</exception>
    public static SampleSet Build(SampleLog log, SampleSelection selection)
    {
        ArgumentNullException.ThrowIfNull(log);
        Validate(selection);
        var result = log.Query(new SampleQuery { Function = selection.FunctionId, Snapshot = selection.Snapshot });
        return FromQuery(result, selection);
    }

    internal static SampleSet FromQuery(SampleQueryResult result, SampleSelection selection)
    {
        Validate(selection);
        if (result.Records.Count == 0)
        {
            var at = selection.Snapshot is null ? "" : " at snapshot " + selection.Snapshot.Id;
            throw new SampleSetException($"The sample log has no tracked call of {selection.FunctionId}{at}: start the tracker (sigil tracker start), run the app so the pin is called, and try again.");
        }

        var skipReasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var replayable = new List<Sample>(result.Records.Count);
        foreach (var record in result.Records)
        {
            if (TryReplay(record, selection.ParameterNames, out var sample, out var reason)) replayable.Add(sample);
            else skipReasons[reason] = skipReasons.GetValueOrDefault(reason) + 1;
        }
        if (replayable.Count == 0)
        {
            var (reason, count) = skipReasons.MaxBy(r => r.Value);
            throw new SampleSetException($"None of the {result.Records.Count} tracked calls of {selection.FunctionId} can be replayed: {reason} ({count} calls).");
        }

        var unique = replayable;
        if (selection.Deduplicate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            unique = replayable.Where(s => seen.Add(s.TupleJson)).ToList();
        }
        var kept = unique;
        if (selection.MaxSamples is { } max && unique.Count > max)
        {
            var chosen = unique.OrderBy(s => Unit("cap", selection.Seed, s.TraceId)).ThenBy(s => s.TraceId, StringComparer.Ordinal)
                .Take(max).Select(s => s.TraceId).ToHashSet(StringComparer.Ordinal);
            kept = unique.Where(s => chosen.Contains(s.TraceId)).ToList();
        }

        var visible = new List<Sample>();
        var holdout = new List<Sample>();
        foreach (var sample in kept)
        {
            (Unit("holdout", selection.Seed, sample.TupleJson) < selection.HoldoutShare ? holdout : visible).Add(sample);
        }
        if (selection.HoldoutShare > 0 && holdout.Count == 0 && visible.Select(s => s.TupleJson).Distinct(StringComparer.Ordinal).Count() >= 2)
        {
            // Few distinct inputs: the hash put none in the holdout. Hold out the inputs with the lowest key (every copy
            // of them, so equal inputs still share a side) rather than confirm a winner on nothing.
            var lowest = visible.Select(s => s.TupleJson).MinBy(t => Unit("holdout", selection.Seed, t))!;
            holdout.AddRange(visible.Where(s => s.TupleJson == lowest));
            visible.RemoveAll(s => s.TupleJson == lowest);
        }

        return new SampleSet(
            selection, result.Snapshot, result.SampleSetHash, visible, holdout, Digest(result.SampleSetHash, selection, visible, holdout),
            result.Records.Count, skipReasons, replayable.Count - unique.Count, unique.Count - kept.Count);
    }

    private static bool TryReplay(SampleRecord record, IReadOnlyList<string> names, out Sample sample, out string reason)
    {
        var arguments = new string[names.Count];
        var sketches = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!ArgumentReplay.TryGet(record, names[i], out arguments[i], out reason))
            {
                sample = null!;
                return false;
            }
            sketches[i] = ValueSketch.Of(names[i], record.Inputs[names[i]]);
        }
        sample = new Sample(record.TraceId, record.Timestamp, arguments, string.Join(", ", sketches));
        reason = "";
        return true;
    }

    /// <summary>A uniform number in [0, 1) from a domain-separated BLAKE3 of (purpose, seed, key).</summary>
    private static double Unit(string purpose, long seed, string key)
    {
        var hex = Blake3Digest.Hex("sigil/sample-" + purpose + "@1\n" + seed.ToString(CultureInfo.InvariantCulture) + "\n" + key);
        return (ulong.Parse(hex.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture) >> 11) * (1.0 / (1UL << 53));
    }

    private static string Digest(string sourceHash, SampleSelection selection, List<Sample> visible, List<Sample> holdout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", "sigil/sample-set@1");
            json.WriteString("source", sourceHash);
            json.WriteString("function", selection.FunctionId);
            json.WriteStartArray("parameters");
            foreach (var name in selection.ParameterNames) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteBoolean("deduplicate", selection.Deduplicate);
            if (selection.MaxSamples is { } max) json.WriteNumber("max_samples", max);
            else json.WriteNull("max_samples");
            json.WriteNumber("holdout_share", selection.HoldoutShare);
            json.WriteNumber("seed", selection.Seed);
            json.WriteStartArray("visible");
            foreach (var sample in visible) json.WriteStringValue(sample.TraceId);
            json.WriteEndArray();
            json.WriteStartArray("holdout");
            foreach (var sample in holdout) json.WriteStringValue(sample.TraceId);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return "b3:" + Blake3Digest.Hex(buffer.ToArray());
    }

    private static void Validate(SampleSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (string.IsNullOrWhiteSpace(selection.FunctionId)) throw new ArgumentException("The selection needs the pin's FunctionID (or a prefix of it).", nameof(selection));
        ArgumentNullException.ThrowIfNull(selection.ParameterNames);
        if (selection.ParameterNames.Distinct(StringComparer.Ordinal).Count() != selection.ParameterNames.Count || selection.ParameterNames.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"The parameter names must be distinct and non-empty: {string.Join(", ", selection.ParameterNames)}.", nameof(selection));
        }
        if (!(selection.HoldoutShare >= 0 && selection.HoldoutShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(selection), selection.HoldoutShare, "The holdout share must be in [0, 1) (0.2 holds out a fifth).");
        }
        if (selection.MaxSamples is < 1) throw new ArgumentOutOfRangeException(nameof(selection), selection.MaxSamples, "The sample cap must be at least 1 (null for none).");
    }
}
