using System.Formats.Tar;
using System.IO.Compression;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Store;

namespace Sigil.Workspace.Archive;

/// <summary>
/// Portable workspace archives (<c>.tar.gz</c>): export a store, or part of it, and import it elsewhere.
/// </summary>
/// <remarks>
/// <para>Layout (format <c>sigil/workspace-archive</c>, version 3; version 1 archives, without memberships, and
/// version 2 archives, without runs, are still imported), entries in this order:</para>
/// <list type="bullet">
/// <item><c>manifest.json</c>: format and version, counts, every other entry with its BLAKE3 (<c>b3:&lt;hex&gt;</c>)
/// and size, and the artifact attachments (candidate, name, digest).</item>
/// <item><c>artifacts/&lt;hex&gt;</c>: blob bytes, named by their BLAKE3.</item>
/// <item><c>candidates/&lt;hex&gt;.json</c>: one candidate (<c>sigil/candidate@1</c>), named by its CandidateID digest:
/// its content with the metadata of one spec and workspace that holds it.</item>
/// <item><c>evaluations/&lt;hex&gt;.json</c>: one evaluation (<c>sigil/evaluation@1</c>), named by its id digest.</item>
/// <item><c>memberships/&lt;hex&gt;.json</c>: one more spec and workspace holding a candidate, with its provenance,
/// time and summary (<c>sigil/membership@1</c>), named by its id, the BLAKE3 of its canonical JSON.</item>
/// <item><c>runs/&lt;hex&gt;.json</c>: one run (<c>sigil/run@1</c>), named by its run id's digest.</item>
/// <item><c>trials/&lt;hex&gt;.json</c>: one trial of a run (<c>sigil/trial@1</c>), named by its id, the BLAKE3 of its
/// canonical JSON.</item>
/// </list>
/// <para>
/// All JSON is canonical and entries are sorted, so the same content always yields the same manifest (and, with the
/// same runtime, the same archive bytes: tar headers carry no times, owners or modes of the machine).
/// </para>
/// <para>
/// Import is all-or-nothing: the whole archive is read and verified (paths, manifest digests and sizes, no missing
/// or extra entries, every id recomputed from content, parents and the candidates of memberships, evaluations and
/// attachments resolvable, no spec and workspace holding a candidate twice, no conflicting attachments, every trial's
/// run, candidate, parent and evaluation resolvable and each run's trials continuing the target's without a gap or a
/// conflict, size limits, the gzip checksum) before a single record is inserted, and the inserts run in one transaction. A rejected archive
/// throws <see cref="WorkspaceArchiveException"/> and leaves the workspace untouched. The format is described in
/// <c>docs/decisions/0004-workspace.md</c>.
/// </para>
/// </remarks>
public static class WorkspaceArchive
{
    private const UnixFileMode EntryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Writes the store's content to <paramref name="tarGzPath"/> (replacing the file atomically). With
    /// <paramref name="spec"/> (and optionally <paramref name="workspace"/>), exports only the memberships of that
    /// spec (and workspace) plus the ancestors of their candidates (as their original records), so the archive is
    /// self-contained; evaluations and artifacts of every exported candidate come along. Runs started in the exported
    /// specs and workspaces come with all their trials, and the candidates those trials name (with their ancestors).
    /// </summary>
    /// <remarks>
    /// Each exported candidate's content is written once, as a candidate entry carrying one exported membership: its
    /// original record when that one is exported, else the earliest exported one (by creation time, spec,
    /// workspace). Every other exported membership of it is a membership entry.
    /// </remarks>
    public static ArchiveExportResult Export(IWorkspaceStore store, string tarGzPath, string? spec = null, string? workspace = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(tarGzPath);
        if (workspace is not null && spec is null)
        {
            throw new ArgumentException("A workspace name needs its spec: pass the spec too.", nameof(workspace));
        }
        var path = Path.GetFullPath(tarGzPath);
        var runs = spec is null
            ? store.ListWorkspaces().SelectMany(w => store.ListRuns(w.Spec, w.Workspace)).ToList()
            : store.ListRuns(spec, workspace).ToList();
        var trials = runs.SelectMany(r => store.ListTrials(r.Id)).ToList();
        var named = trials.SelectMany(t => new[] { t.CandidateId, t.ParentId }).OfType<CandidateId>().Distinct().ToList();
        var (candidates, memberships) = CollectCandidates(store, spec, workspace, named);
        var records = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            records.Add(ArchiveEntryNames.Run(run.Id.Digest), RunJson.WriteRun(run));
        }
        foreach (var trial in trials)
        {
            records.Add(ArchiveEntryNames.Trial(trial.ComputeDigest()[3..]), RunJson.WriteTrial(trial));
        }
        foreach (var membership in memberships)
        {
            records.Add(ArchiveEntryNames.Membership(membership.Id[CandidateMembership.IdPrefix.Length..]), RecordJson.WriteMembership(membership));
        }
        var attachments = new List<ManifestAttachment>();
        var blobs = new SortedDictionary<string, long>(StringComparer.Ordinal); // entry path -> size
        var blobDigests = new Dictionary<string, string>(StringComparer.Ordinal); // entry path -> digest
        var evaluationCount = 0;
        foreach (var candidate in candidates)
        {
            records.Add(ArchiveEntryNames.Candidate(candidate.Id.Digest), RecordJson.WriteCandidate(candidate));
            foreach (var evaluation in store.ListEvaluations(candidate.Id))
            {
                records.Add(ArchiveEntryNames.Evaluation(evaluation.Id[EvaluationRecord.IdPrefix.Length..]), RecordJson.WriteEvaluation(evaluation));
                evaluationCount++;
            }
            foreach (var artifact in store.ListArtifacts(candidate.Id))
            {
                attachments.Add(new ManifestAttachment(artifact.CandidateId, artifact.Name, artifact.Digest));
                var entry = ArchiveEntryNames.Artifact(artifact.Digest[ArtifactRef.DigestPrefix.Length..]);
                blobs[entry] = artifact.Length;
                blobDigests[entry] = artifact.Digest;
            }
        }
        var entries = records.Select(r => new ManifestEntry(r.Key, "b3:" + Blake3Digest.Hex(r.Value), r.Value.LongLength))
            .Concat(blobs.Select(b => new ManifestEntry(b.Key, blobDigests[b.Key], b.Value)))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        var manifest = new ArchiveManifest(
            entries,
            attachments.OrderBy(a => a.Candidate.Digest, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList(),
            candidates.Count,
            memberships.Count,
            evaluationCount,
            blobs.Count,
            runs.Count,
            trials.Count);
        var manifestBytes = manifest.ToJson();

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: false))
            {
                WriteEntry(tar, ArchiveEntryNames.Manifest, manifestBytes);
                foreach (var entry in entries)
                {
                    WriteEntry(tar, entry.Path, records.TryGetValue(entry.Path, out var bytes) ? bytes : ReadBlob(store, entry));
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
        return new ArchiveExportResult(path, candidates.Count, evaluationCount, blobs.Count, attachments.Count, "b3:" + Blake3Digest.Hex(manifestBytes))
        {
            Memberships = memberships.Count,
            Runs = runs.Count,
            Trials = trials.Count,
        };
    }

    /// <summary>
    /// Verifies the archive at <paramref name="tarGzPath"/> completely, then inserts its content into
    /// <paramref name="store"/> in one transaction. Records the store already holds are counted, not rewritten, so
    /// importing the same archive twice changes nothing the second time.
    /// </summary>
    /// <exception cref="WorkspaceArchiveException">The archive is tampered with, corrupt, truncated, unsafe, over a limit or conflicts with the workspace; nothing was imported.</exception>
    public static BatchInsertResult Import(IWorkspaceStore store, string tarGzPath, WorkspaceArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(tarGzPath);
        var path = Path.GetFullPath(tarGzPath);
        var contents = ArchiveReader.Read(path, limits ?? WorkspaceArchiveLimits.Default);
        var batch = new ArchiveVerifier(path, contents, store).Verify();
        return store.InsertBatch(batch);
    }

    /// <summary>
    /// The candidate entries (one per exported candidate, sorted by id) and membership entries of an export: see
    /// <see cref="Export"/>. <paramref name="named"/> are further candidates the exported trials name; those not
    /// selected come as their original records, like ancestors.
    /// </summary>
    private static (List<CandidateRecord> Candidates, List<CandidateMembership> Memberships) CollectCandidates(
        IWorkspaceStore store, string? spec, string? workspace, IReadOnlyList<CandidateId> named)
    {
        var selected = spec is null
            ? store.ListWorkspaces().SelectMany(w => store.ListCandidates(w.Spec, w.Workspace)).ToList()
            : store.ListCandidates(spec, workspace).ToList();
        var byId = new Dictionary<CandidateId, CandidateRecord>();
        var memberships = new List<CandidateMembership>();
        foreach (var group in selected.GroupBy(c => c.Id))
        {
            var original = store.GetCandidate(group.Key) ?? throw new WorkspaceException(
                $"Cannot export: candidate {group.Key} is listed in '{store.Location}' but not stored. The workspace is damaged; restore it from a backup.");
            var ordered = group
                .OrderBy(c => c.Spec == original.Spec && c.Workspace == original.Workspace ? 0 : 1)
                .ThenBy(c => c.CreatedAt)
                .ThenBy(c => c.Spec, StringComparer.Ordinal)
                .ThenBy(c => c.Workspace, StringComparer.Ordinal)
                .ToList();
            byId.Add(group.Key, ordered[0]);
            memberships.AddRange(ordered.Skip(1).Select(CandidateMembership.Of));
        }
        foreach (var id in named.Where(id => !byId.ContainsKey(id)))
        {
            byId.Add(id, store.GetCandidate(id) ?? throw new WorkspaceException(
                $"Cannot export: candidate {id} is named by a trial in '{store.Location}' but not stored. The workspace is damaged; restore it from a backup."));
        }
        foreach (var candidate in byId.Values.ToList())
        {
            for (var parent = candidate.Parent; parent is not null && !byId.ContainsKey(parent);)
            {
                var ancestor = store.GetCandidate(parent) ?? throw new WorkspaceException(
                    $"Cannot export: candidate {candidate.Id} has an ancestor {parent} that is missing from '{store.Location}'. The workspace is damaged; restore it from a backup.");
                byId.Add(ancestor.Id, ancestor);
                parent = ancestor.Parent;
            }
        }
        return (byId.Values.OrderBy(c => c.Id.Digest, StringComparer.Ordinal).ToList(), memberships);
    }

    private static byte[] ReadBlob(IWorkspaceStore store, ManifestEntry entry)
    {
        var bytes = store.GetArtifact(entry.Digest) ?? throw new WorkspaceException(
            $"Cannot export: artifact {entry.Digest} is attached in '{store.Location}' but its blob is missing. The workspace is damaged; restore it from a backup.");
        return bytes.LongLength == entry.Size
            ? bytes
            : throw new WorkspaceException(
                $"Cannot export: artifact {entry.Digest} in '{store.Location}' is {bytes.LongLength} bytes, but its attachment records {entry.Size}. The workspace is damaged; restore it from a backup.");
    }

    private static void WriteEntry(TarWriter tar, string name, byte[] bytes)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            ModificationTime = DateTimeOffset.UnixEpoch,
            Mode = EntryMode,
            Uid = 0,
            Gid = 0,
            UserName = string.Empty,
            GroupName = string.Empty,
            DataStream = new MemoryStream(bytes, writable: false),
        };
        tar.WriteEntry(entry);
    }
}
