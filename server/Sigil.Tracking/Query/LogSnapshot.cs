using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sigil.Core.Hashing;

namespace Sigil.Tracking.Query;

/// <summary>
/// A point in the sample log: every segment with the length of its complete frames at that moment. Segments are
/// append-only and immutable once written, so a query run against the same snapshot always gives the same answer.
/// Identified by <c>snap://b3:&lt;digest&gt;</c> over its canonical JSON; stored insert-only in <c>.sigil/snapshots/</c>.
/// </summary>
public sealed record LogSnapshot
{
    /// <summary>The id prefix.</summary>
    public const string Prefix = "snap://b3:";

    /// <summary>Segment file name to byte length, sorted by name.</summary>
    [JsonPropertyName("segments")]
    public required SortedDictionary<string, long> Segments { get; init; }

    /// <summary>The canonical JSON (sorted keys, no whitespace).</summary>
    public byte[] CanonicalBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>The snapshot's id (not part of the hashed body).</summary>
    [JsonIgnore]
    public string Id => Prefix + Blake3Digest.Hex(CanonicalBytes());

    /// <summary>Stores the snapshot under <c>.sigil/snapshots/</c> unless already there; returns its id.</summary>
    public string Save(string sigilDirectory)
    {
        var digest = Id[Prefix.Length..];
        var folder = Path.Combine(sigilDirectory, "snapshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, digest + ".json");
        if (!File.Exists(path))
        {
            var temp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, CanonicalBytes());
            File.Move(temp, path, overwrite: false);
        }
        return Id;
    }

    /// <summary>Loads a stored snapshot by id, verifying its digest.</summary>
    public static LogSnapshot Load(string sigilDirectory, string id)
    {
        if (!id.StartsWith(Prefix, StringComparison.Ordinal) || !Blake3Digest.IsDigest(id[Prefix.Length..]))
        {
            throw new SampleLogException($"'{id}' is not a snapshot id; expected {Prefix}<64 hex> as printed by 'sigil inspect-samples --json'.");
        }
        var path = Path.Combine(sigilDirectory, "snapshots", id[Prefix.Length..] + ".json");
        if (!File.Exists(path))
        {
            throw new SampleLogException($"Snapshot {id} is not stored in {Path.GetDirectoryName(path)}; run the query without --snapshot to take a new one.");
        }
        LogSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize<LogSnapshot>(File.ReadAllBytes(path));
        }
        catch (JsonException)
        {
            snapshot = null;
        }
        if (snapshot?.Segments is null || snapshot.Id != id)
        {
            throw new SampleLogException($"Snapshot file {path} does not match its id (it was modified); take a new snapshot.");
        }
        return snapshot;
    }

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(CanonicalBytes());
}
