using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Serialization;
using Sigil.Workspace.Store;

namespace Sigil.Workspace.Archive;

/// <summary>
/// Verifies everything in an archive against its manifest, the content-addressing rules and the target store, and
/// only then returns the batch to insert. Reads the store, never writes it.
/// </summary>
internal sealed class ArchiveVerifier(string archivePath, ArchiveContents contents, IWorkspaceStore store)
{
    private readonly Dictionary<CandidateId, (string Entry, CandidateRecord Record)> _candidates = [];
    private readonly List<(string Entry, CandidateMembership Membership)> _memberships = [];
    private readonly List<(string Entry, EvaluationRecord Record)> _evaluations = [];
    private readonly Dictionary<string, string> _artifactEntries = new(StringComparer.Ordinal); // digest -> entry
    private readonly ArchiveRunVerifier _runLog = new(store, (entry, problem, remedy) => ArchiveErrors.Reject(archivePath, entry, problem, remedy ?? ArchiveErrors.Reexport));

    public WorkspaceBatch Verify()
    {
        var manifest = ParseManifest();
        CheckEntriesAgainstManifest(manifest);
        ReadRecords();
        CheckCounts(manifest);
        CheckParents();
        var members = CheckMemberships();
        CheckEvaluationCandidates();
        var artifacts = CheckAttachments(manifest);
        var (runs, trials) = _runLog.Check(
            _candidates.ContainsKey,
            _evaluations.ToDictionary(e => e.Record.Id, e => e.Record.CandidateId, StringComparer.Ordinal));
        return new WorkspaceBatch
        {
            // Candidate entries first: each is the original record of its content when the content is new here.
            Candidates = _candidates.Values.OrderBy(c => c.Entry, StringComparer.Ordinal).Select(c => c.Record).Concat(members).ToList(),
            Evaluations = _evaluations.Select(e => e.Record).ToList(),
            Artifacts = artifacts,
            Runs = runs,
            Trials = trials,
        };
    }

    private ArchiveManifest ParseManifest()
    {
        try
        {
            return ArchiveManifest.Parse(contents.Manifest);
        }
        catch (RecordFormatException e)
        {
            throw Reject(ArchiveEntryNames.Manifest, $"is not a valid workspace manifest: {e.Message}");
        }
    }

    private void CheckEntriesAgainstManifest(ArchiveManifest manifest)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Entries)
        {
            var kind = ArchiveEntryNames.UnsafeReason(entry.Path) is null ? ArchiveEntryNames.Classify(entry.Path) : null;
            if (kind is null or ArchiveEntryKind.Manifest)
            {
                throw Reject(ArchiveEntryNames.Manifest, $"lists an entry '{entry.Path}' that is not a valid workspace archive path.");
            }
            if (!listed.Add(entry.Path))
            {
                throw Reject(ArchiveEntryNames.Manifest, $"lists the entry '{entry.Path}' more than once.");
            }
            if (!RecordRules.IsB3(entry.Digest))
            {
                throw Reject(ArchiveEntryNames.Manifest, $"lists a malformed digest '{entry.Digest}' for '{entry.Path}' (expected b3:<64 hex digits>).");
            }
            if (!contents.Entries.TryGetValue(entry.Path, out var bytes))
            {
                throw Reject(entry.Path, "is listed in manifest.json but missing from the archive.");
            }
            var actual = "b3:" + Blake3Digest.Hex(bytes);
            if (bytes.LongLength != entry.Size || actual != entry.Digest)
            {
                throw Reject(entry.Path,
                    $"does not match manifest.json: the manifest lists {entry.Digest} ({entry.Size} bytes) but the entry is {actual} ({bytes.LongLength} bytes). The entry or the manifest was altered after export.");
            }
        }
        foreach (var path in contents.Entries.Keys.Order(StringComparer.Ordinal))
        {
            if (!listed.Contains(path))
            {
                throw Reject(path, "is not listed in manifest.json; it was added to the archive after export.");
            }
        }
    }

    private void ReadRecords()
    {
        foreach (var (path, bytes) in contents.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var nameDigest = ArchiveEntryNames.DigestOf(path);
            switch (ArchiveEntryNames.Classify(path))
            {
                case ArchiveEntryKind.Candidate:
                    var candidate = Parse(path, "candidate", () => RecordJson.ReadCandidate(bytes));
                    if (candidate.Id.Digest != nameDigest)
                    {
                        throw Reject(path, $"holds candidate {candidate.Id}, not the one its name says (diff://b3:{nameDigest}).");
                    }
                    if (RecordRules.CheckCandidate(candidate) is { } candidateProblem)
                    {
                        throw Reject(path, $"is not a valid candidate: {candidateProblem}");
                    }
                    _candidates.Add(candidate.Id, (path, candidate));
                    break;
                case ArchiveEntryKind.Membership:
                    var membership = Parse(path, "membership", () => RecordJson.ReadMembership(bytes));
                    if (!RecordRules.IsB3(membership.Id))
                    {
                        throw Reject(path, $"is not a valid membership: its id '{membership.Id}' must be 'b3:' followed by 64 lowercase hex digits.");
                    }
                    var membershipId = membership.ComputeId();
                    if (membershipId != membership.Id)
                    {
                        throw Reject(path, $"holds membership {membership.Id}, which does not match its content, which hashes to {membershipId}. The entry was altered after export.");
                    }
                    if (HexOf(membership.Id) != nameDigest)
                    {
                        throw Reject(path, $"holds membership {membership.Id}, not the one its name says (b3:{nameDigest}).");
                    }
                    _memberships.Add((path, membership));
                    break;
                case ArchiveEntryKind.Evaluation:
                    var evaluation = Parse(path, "evaluation", () => RecordJson.ReadEvaluation(bytes));
                    if (RecordRules.CheckEvaluation(evaluation) is { } evaluationProblem)
                    {
                        throw Reject(path, $"is not a valid evaluation: {evaluationProblem}");
                    }
                    if (HexOf(evaluation.Id) != nameDigest)
                    {
                        throw Reject(path, $"holds evaluation {evaluation.Id}, not the one its name says (b3:{nameDigest}).");
                    }
                    _evaluations.Add((path, evaluation));
                    break;
                case ArchiveEntryKind.Artifact:
                    var actual = Blake3Digest.Hex(bytes);
                    if (actual != nameDigest)
                    {
                        throw Reject(path, $"hashes to b3:{actual}, not the digest its name says.");
                    }
                    _artifactEntries.Add("b3:" + actual, path);
                    break;
                case ArchiveEntryKind.Run:
                    _runLog.ReadRun(path, bytes, nameDigest);
                    break;
                case ArchiveEntryKind.Trial:
                    _runLog.ReadTrial(path, bytes, nameDigest);
                    break;
                default:
                    throw Reject(path, "is not part of the workspace archive format.");
            }
        }
    }

    private void CheckCounts(ArchiveManifest manifest)
    {
        if (manifest.Candidates != _candidates.Count || manifest.Memberships != _memberships.Count
            || manifest.Evaluations != _evaluations.Count || manifest.Artifacts != _artifactEntries.Count
            || manifest.Runs != _runLog.RunCount || manifest.Trials != _runLog.TrialCount)
        {
            throw Reject(ArchiveEntryNames.Manifest,
                $"counts {manifest.Candidates} candidates, {manifest.Memberships} memberships, {manifest.Evaluations} evaluations, {manifest.Artifacts} artifacts, " +
                $"{manifest.Runs} runs and {manifest.Trials} trials, but the archive holds {_candidates.Count}, {_memberships.Count}, {_evaluations.Count}, " +
                $"{_artifactEntries.Count}, {_runLog.RunCount} and {_runLog.TrialCount}.");
        }
    }

    private void CheckParents()
    {
        foreach (var (id, (path, candidate)) in _candidates)
        {
            if (candidate.Parent is not { } parent)
            {
                continue;
            }
            var parentFunction = _candidates.TryGetValue(parent, out var inArchive)
                ? inArchive.Record.FunctionId
                : store.GetCandidate(parent)?.FunctionId ?? throw Reject(path,
                    $"holds candidate {id}, whose parent {parent} is neither in the archive nor in the workspace.",
                    remedy: "Import the archive of the workspace that holds the parent first, or re-export the source with the parent included.");
            if (parentFunction != candidate.FunctionId)
            {
                throw Reject(path, $"holds candidate {id} for {candidate.FunctionId}, but its parent {parent} is for {parentFunction}.");
            }
        }
        var done = new HashSet<CandidateId>();
        foreach (var (id, (path, _)) in _candidates)
        {
            var seen = new HashSet<CandidateId>();
            for (var current = id; current is not null && !done.Contains(current);)
            {
                if (!seen.Add(current))
                {
                    throw Reject(path, $"holds candidate {id}, whose chain of parents loops; a workspace must be a tree rooted at the baseline.");
                }
                current = _candidates.TryGetValue(current, out var next) ? next.Record.Parent : null;
            }
            done.UnionWith(seen);
        }
    }

    /// <summary>
    /// Resolves every membership's candidate (in the archive or the store), refuses a second membership of a
    /// candidate in one spec and workspace (a candidate entry already counts for its own), and validates each as the
    /// candidate record it will insert. Returns those records, in entry order.
    /// </summary>
    private List<CandidateRecord> CheckMemberships()
    {
        var scopes = _candidates.Values.Select(c => (c.Record.Id, c.Record.Spec, c.Record.Workspace)).ToHashSet();
        var members = new List<CandidateRecord>(_memberships.Count);
        foreach (var (path, membership) in _memberships)
        {
            var what = $"adds candidate {membership.CandidateId} to spec '{membership.Spec}', workspace '{membership.Workspace}', but";
            var content = _candidates.TryGetValue(membership.CandidateId, out var inArchive)
                ? inArchive.Record
                : store.GetCandidate(membership.CandidateId) ?? throw Reject(path,
                    $"{what} that candidate is neither in the archive nor in the workspace.",
                    remedy: "Import the archive of the workspace that holds the candidate first, or re-export the source with the candidate included.");
            if (!scopes.Add((membership.CandidateId, membership.Spec, membership.Workspace)))
            {
                throw Reject(path, $"{what} the archive already holds it there (in its candidate entry or another membership).");
            }
            var member = membership.ToRecord(content);
            if (RecordRules.CheckCandidate(member) is { } problem)
            {
                throw Reject(path, $"is not a valid membership: {problem}");
            }
            members.Add(member);
        }
        return members;
    }

    private void CheckEvaluationCandidates()
    {
        foreach (var (path, evaluation) in _evaluations)
        {
            if (!_candidates.ContainsKey(evaluation.CandidateId) && store.GetCandidate(evaluation.CandidateId) is null)
            {
                throw Reject(path, $"evaluates candidate {evaluation.CandidateId}, which is neither in the archive nor in the workspace.");
            }
        }
    }

    private List<ArtifactUpload> CheckAttachments(ArchiveManifest manifest)
    {
        var uploads = new List<ArtifactUpload>();
        var names = new HashSet<(CandidateId, string)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var storeArtifacts = new Dictionary<CandidateId, IReadOnlyList<ArtifactRef>>();
        foreach (var attachment in manifest.Attachments)
        {
            var what = $"attaches '{attachment.Name}' to candidate {attachment.Candidate}, but";
            if (RecordRules.CheckArtifactName(attachment.Name) is { } nameProblem)
            {
                throw Reject(ArchiveEntryNames.Manifest, $"{what} {nameProblem}");
            }
            if (!names.Add((attachment.Candidate, attachment.Name)))
            {
                throw Reject(ArchiveEntryNames.Manifest, $"{what} lists that attachment more than once.");
            }
            if (!_artifactEntries.TryGetValue(attachment.Digest, out var entry))
            {
                throw Reject(ArchiveEntryNames.Manifest, $"{what} its blob {attachment.Digest} is not in the archive.");
            }
            var inArchive = _candidates.ContainsKey(attachment.Candidate);
            if (!inArchive && store.GetCandidate(attachment.Candidate) is null)
            {
                throw Reject(ArchiveEntryNames.Manifest, $"{what} that candidate is neither in the archive nor in the workspace.");
            }
            if (!storeArtifacts.TryGetValue(attachment.Candidate, out var existing))
            {
                existing = inArchive && store.GetCandidate(attachment.Candidate) is null ? [] : store.ListArtifacts(attachment.Candidate);
                storeArtifacts[attachment.Candidate] = existing;
            }
            if (existing.FirstOrDefault(a => a.Name == attachment.Name) is { } stored && stored.Digest != attachment.Digest)
            {
                throw Reject(ArchiveEntryNames.Manifest,
                    $"{what} the workspace already attaches different content ({stored.Digest}) under that name, and artifacts are immutable.",
                    remedy: "Import into another workspace, or ask the archive's author to rename the artifact.");
            }
            used.Add(attachment.Digest);
            uploads.Add(new ArtifactUpload(attachment.Candidate, attachment.Name, contents.Entries[entry]));
        }
        foreach (var (digest, entry) in _artifactEntries.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            if (!used.Contains(digest))
            {
                throw Reject(entry, "is not attached to any candidate in manifest.json.");
            }
        }
        return uploads;
    }

    private T Parse<T>(string path, string what, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (RecordFormatException e)
        {
            throw Reject(path, $"is not a valid {what} record: {e.Message}");
        }
    }

    private static string HexOf(string b3) => b3["b3:".Length..];

    private WorkspaceArchiveException Reject(string entry, string problem, string? remedy = null) =>
        ArchiveErrors.Reject(archivePath, entry, problem, remedy ?? ArchiveErrors.Reexport);
}
