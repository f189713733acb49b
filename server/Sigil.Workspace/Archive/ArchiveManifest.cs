using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Archive;

/// <summary>
/// <c>manifest.json</c>, the root of a workspace archive: format and version, counts, every other entry with the
/// BLAKE3 of its bytes and its size (sorted by path), and the artifact attachments (sorted by candidate, then name).
/// Written as canonical JSON, so its BLAKE3 identifies the archive's content.
/// </summary>
/// <remarks>
/// Version 2 added memberships (<c>memberships/</c> entries and <c>counts.memberships</c>), version 3 the run log
/// (<c>runs/</c> and <c>trials/</c> entries, <c>counts.runs</c> and <c>counts.trials</c>); this code writes version 3
/// and reads versions 1 (no memberships, no runs), 2 (no runs) and 3.
/// </remarks>
internal sealed record ArchiveManifest(
    IReadOnlyList<ManifestEntry> Entries,
    IReadOnlyList<ManifestAttachment> Attachments,
    int Candidates,
    int Memberships,
    int Evaluations,
    int Artifacts,
    int Runs,
    int Trials)
{
    public const string Format = "sigil/workspace-archive";
    public const int FormatVersion = 3;
    public const int OldestFormatVersion = 1;

    public byte[] ToJson() => CanonicalJson.Serialize(new Dictionary<string, object?>
    {
        ["format"] = Format,
        ["format_version"] = FormatVersion,
        ["counts"] = new Dictionary<string, object?>
        {
            ["candidates"] = Candidates,
            ["memberships"] = Memberships,
            ["evaluations"] = Evaluations,
            ["artifacts"] = Artifacts,
            ["attachments"] = Attachments.Count,
            ["runs"] = Runs,
            ["trials"] = Trials,
        },
        ["entries"] = Entries.Select(e => (object?)new Dictionary<string, object?>
        {
            ["path"] = e.Path,
            ["digest"] = e.Digest,
            ["size"] = e.Size,
        }).ToList(),
        ["attachments"] = Attachments.Select(a => (object?)new Dictionary<string, object?>
        {
            ["candidate"] = a.Candidate.ToString(),
            ["name"] = a.Name,
            ["digest"] = a.Digest,
        }).ToList(),
    });

    /// <summary>Parses and shape-checks a manifest; throws <see cref="RecordFormatException"/>.</summary>
    public static ArchiveManifest Parse(ReadOnlyMemory<byte> utf8) => JsonObjectReader.Parse(utf8, root =>
    {
        var format = root.String("format");
        if (format != Format)
        {
            throw new RecordFormatException($"'$.format' is '{format}', not '{Format}': this is not a Sigil workspace archive.");
        }
        var version = root.Int64("format_version");
        if (version is < OldestFormatVersion or > FormatVersion)
        {
            throw new RecordFormatException(
                $"'$.format_version' is {version}, but this Sigil reads versions {OldestFormatVersion} to {FormatVersion} only (a newer Sigil may have written it).");
        }
        var counts = root.Object("counts");
        var candidates = Count(counts, "candidates");
        var memberships = version >= 2 ? Count(counts, "memberships") : 0;
        var evaluations = Count(counts, "evaluations");
        var artifacts = Count(counts, "artifacts");
        var attachmentCount = Count(counts, "attachments");
        var runs = version >= 3 ? Count(counts, "runs") : 0;
        var trials = version >= 3 ? Count(counts, "trials") : 0;
        counts.EnsureNothingElse();
        var entries = root.Array("entries").Select((element, i) =>
        {
            var entry = new JsonObjectReader(element, $"$.entries[{i}]");
            var result = new ManifestEntry(entry.String("path"), entry.String("digest"), entry.Int64("size"));
            entry.EnsureNothingElse();
            return result;
        }).ToList();
        var attachments = root.Array("attachments").Select((element, i) =>
        {
            var path = $"$.attachments[{i}]";
            var attachment = new JsonObjectReader(element, path);
            var result = new ManifestAttachment(
                RecordJson.ParseCandidateId(attachment.String("candidate"), path + ".candidate"),
                attachment.String("name"),
                attachment.String("digest"));
            attachment.EnsureNothingElse();
            return result;
        }).ToList();
        root.EnsureNothingElse();
        if (attachmentCount != attachments.Count)
        {
            throw new RecordFormatException($"'$.counts.attachments' is {attachmentCount} but '$.attachments' lists {attachments.Count}.");
        }
        return new ArchiveManifest(entries, attachments, candidates, memberships, evaluations, artifacts, runs, trials);
    });

    private static int Count(JsonObjectReader counts, string name)
    {
        var value = counts.Int64(name);
        return value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw new RecordFormatException($"'$.counts.{name}' is {value}; it must be a count.");
    }
}
