using System.Globalization;
using System.Runtime.InteropServices;
using LiteDB;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// The workspace in <c>&lt;project&gt;/.sigil/workspace.db</c>, a LiteDB file opened in shared mode
/// (<c>Connection=shared</c>) so the CLI, the language server and other processes can use it at the same time.
/// </summary>
/// <remarks>
/// <para>
/// <b>Invariant: insert-only.</b> This class has no update and no delete, public or private, and must never get
/// one: every write path checks whether the id exists and, when it does, writes nothing. See
/// <see cref="IWorkspaceStore"/> for the full contract.
/// </para>
/// <para>
/// <b>Layout (schema version 2).</b> <c>candidates</c>: one document per candidate id, its content plus its original
/// record (the spec, workspace, provenance, time and summary it was first written under, which is also its first
/// membership). <c>memberships</c>: one document per further (spec, workspace, candidate), keyed
/// <c>spec/workspace/digest</c>. <c>evaluations</c>, <c>attachments</c>, the <c>blobs</c> file storage, the
/// <c>workspaces</c> registry and <c>meta</c> (schema version) as in version 1. A version-1 file is a version-2 file
/// without memberships, so it is read as is: each candidate is a member of its own spec and workspace, and nothing is
/// migrated or rewritten. Opening it only adds the (empty) membership collection and indexes and a <c>schema@2</c>
/// marker record in <c>meta</c>, so this and later versions read the file as version 2; the original <c>schema</c>
/// record is not rewritten (see <c>docs/decisions/0004-workspace.md</c> for what an older Sigil then does).
/// </para>
/// <para>
/// Every public operation runs in one LiteDB transaction (one lock of the shared file), so each sees a consistent
/// state and a failed write leaves nothing behind. Strings compare ordinally (the database is created with an
/// ordinal collation). Instances are thread-safe; operations on one instance are serialized.
/// </para>
/// </remarks>
public sealed class LiteDbWorkspaceStore : IWorkspaceStore
{
    /// <summary>The database file's name inside the <c>.sigil</c> directory.</summary>
    public const string DatabaseFileName = "workspace.db";

    /// <summary>
    /// The version of the stored layout this code reads and writes: 2 added memberships (a stored candidate in further
    /// specs and workspaces). Files of version 1 are read as they are (see the remarks).
    /// </summary>
    public const int SchemaVersion = 2;

    private const string CandidatesCollection = "candidates";
    private const string MembershipsCollection = "memberships";
    private const string EvaluationsCollection = "evaluations";
    private const string AttachmentsCollection = "attachments";
    private const string WorkspacesCollection = "workspaces";
    private const string MetaCollection = "meta";
    private const string SchemaRecord = "schema";
    private const string UpgradeRecordPrefix = "schema@";

    private readonly LiteDatabase _database;
    private readonly Lock _gate = new();
    private bool _disposed;

    private LiteDbWorkspaceStore(LiteDatabase database, string databasePath)
    {
        _database = database;
        DatabasePath = databasePath;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string Location => DatabasePath;

    private ILiteCollection<BsonDocument> Candidates => _database.GetCollection(CandidatesCollection);

    private ILiteCollection<BsonDocument> Memberships => _database.GetCollection(MembershipsCollection);

    private ILiteCollection<BsonDocument> Evaluations => _database.GetCollection(EvaluationsCollection);

    private ILiteCollection<BsonDocument> Attachments => _database.GetCollection(AttachmentsCollection);

    private ILiteCollection<BsonDocument> Workspaces => _database.GetCollection(WorkspacesCollection);

    private ILiteStorage<string> Blobs => _database.GetStorage<string>("blobs", "blob_chunks");

    /// <summary>
    /// Opens (creating when missing) the workspace database <c>workspace.db</c> inside
    /// <paramref name="sigilDirectory"/> (a project's <c>.sigil</c> directory, created when missing).
    /// </summary>
    /// <exception cref="WorkspaceDatabaseException">The file is locked, unreadable, corrupt or from a newer Sigil.</exception>
    public static LiteDbWorkspaceStore Open(string sigilDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sigilDirectory);
        var directory = Path.GetFullPath(sigilDirectory);
        var path = Path.Combine(directory, DatabaseFileName);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkspaceDatabaseException(path,
                $"Cannot create the workspace directory '{directory}': {e.Message} Check that the path is a writable directory.", e);
        }
        LiteDatabase? database = null;
        try
        {
            // A mapper of its own: LiteDB's global BsonMapper builds type maps (used by FileStorage) in a way that
            // races when several databases first use it at once; this one is only used under this instance's lock.
            database = new LiteDatabase(
                new ConnectionString
                {
                    Filename = path,
                    Connection = ConnectionType.Shared,
                    Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal),
                },
                new BsonMapper());
            var store = new LiteDbWorkspaceStore(database, path);
            store.Initialize();
            return store;
        }
        catch (Exception e)
        {
            try
            {
                database?.Dispose();
            }
            catch (Exception)
            {
                // The open already failed; report that failure, not the cleanup's.
            }
            throw e is WorkspaceException workspaceError ? workspaceError : Translate(path, e);
        }
    }

    /// <inheritdoc />
    public InsertResult<CandidateRecord> InsertCandidate(CandidateRecord candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ThrowIfInvalid(RecordRules.CheckCandidate(candidate));
        return Run(() => InsertCandidateCore(candidate).Result);
    }

    /// <inheritdoc />
    public CandidateRecord? GetCandidate(CandidateId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Run(() => Candidates.FindById(id.Digest) is { } document ? BsonCodec.ToCandidate(document) : null);
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> ListCandidates(string spec, string? workspace = null)
    {
        ThrowIfBadName(spec, "spec", nameof(spec));
        if (workspace is not null)
        {
            ThrowIfBadName(workspace, "workspace", nameof(workspace));
        }
        var query = workspace is null ? Query.EQ("spec", spec) : Query.EQ("scope", BsonCodec.Scope(spec, workspace));
        return Run(() =>
        {
            var originals = Candidates.Find(query).Select(BsonCodec.ToCandidate).ToList();
            var members = Memberships.Find(query).ToList();
            return Ordered(originals.Concat(MembersOf(members, originals)));
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> ListMemberships(CandidateId candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Run(() =>
        {
            if (Candidates.FindById(candidateId.Digest) is not { } document)
            {
                return [];
            }
            var original = BsonCodec.ToCandidate(document);
            var members = Memberships.Find(Query.EQ("candidate", candidateId.Digest)).ToList();
            return Ordered(MembersOf(members, [original]).Prepend(original));
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> Children(CandidateId parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Run(() => Ordered(Candidates.Find(Query.EQ("parent_key", parent.Digest)).Select(BsonCodec.ToCandidate)));
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> Children(FunctionId baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var functionText = baseline.ToString();
        return Run(() => Ordered(Candidates.Find(Query.EQ("parent_key", BsonCodec.BaselineKey(baseline)))
            .Where(d => d["function_id"].AsString == functionText)
            .Select(BsonCodec.ToCandidate)));
    }

    /// <inheritdoc />
    public InsertResult<EvaluationRecord> InsertEvaluation(EvaluationRecord evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ThrowIfInvalid(RecordRules.CheckEvaluation(evaluation));
        return Run(() => InsertEvaluationCore(evaluation));
    }

    /// <inheritdoc />
    public IReadOnlyList<EvaluationRecord> ListEvaluations(CandidateId candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Run(() => Evaluations.Find(Query.EQ("candidate", candidateId.Digest))
            .Select(BsonCodec.ToEvaluation)
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList());
    }

    /// <inheritdoc />
    public InsertResult<ArtifactRef> PutArtifact(CandidateId candidateId, string name, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        var upload = PrepareArtifact(new ArtifactUpload(candidateId, name, content.ToArray()));
        return Run(() => PutArtifactCore(upload));
    }

    /// <inheritdoc />
    public byte[]? GetArtifact(string digest)
    {
        if (!RecordRules.IsB3(digest))
        {
            throw new ArgumentException($"Artifact digest '{digest}' is malformed; expected 'b3:' followed by 64 lowercase hex digits.", nameof(digest));
        }
        var hex = BsonCodec.Hex(digest);
        return Run(() =>
        {
            if (Blobs.FindById(hex) is null)
            {
                return null;
            }
            using var buffer = new MemoryStream();
            Blobs.Download(hex, buffer);
            var bytes = buffer.ToArray();
            var actual = Blake3Digest.Hex(bytes);
            return actual == hex
                ? bytes
                : throw new WorkspaceDatabaseException(DatabasePath,
                    $"Artifact {digest} in workspace database '{DatabasePath}' is corrupt: its stored bytes hash to b3:{actual}. " +
                    "Restore the file from a backup or re-import the workspace from an archive.");
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<ArtifactRef> ListArtifacts(CandidateId candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Run(() => Attachments.Find(Query.EQ("candidate", candidateId.Digest))
            .Select(BsonCodec.ToArtifact)
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<WorkspaceSummary> ListWorkspaces() => Run(() => Workspaces.FindAll()
        .ToList()
        .Select(d => new WorkspaceSummary(
            d["spec"].AsString,
            d["workspace"].AsString,
            Candidates.Count(Query.EQ("scope", d["_id"].AsString)) + Memberships.Count(Query.EQ("scope", d["_id"].AsString))))
        .OrderBy(w => w.Spec, StringComparer.Ordinal)
        .ThenBy(w => w.Workspace, StringComparer.Ordinal)
        .ToList());

    /// <inheritdoc />
    public BatchInsertResult InsertBatch(WorkspaceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(batch.Candidates, nameof(batch.Candidates));
        ArgumentNullException.ThrowIfNull(batch.Evaluations, nameof(batch.Evaluations));
        ArgumentNullException.ThrowIfNull(batch.Artifacts, nameof(batch.Artifacts));
        foreach (var candidate in batch.Candidates)
        {
            ThrowIfInvalid(candidate is null ? "A batch holds a null candidate." : RecordRules.CheckCandidate(candidate));
        }
        foreach (var evaluation in batch.Evaluations)
        {
            ThrowIfInvalid(evaluation is null ? "A batch holds a null evaluation." : RecordRules.CheckEvaluation(evaluation));
        }
        var uploads = batch.Artifacts.Select(a => PrepareArtifact(a ?? throw new ArgumentException("A batch holds a null artifact.", nameof(batch)))).ToList();
        var candidates = ParentsFirst(batch.Candidates);
        return Run(() =>
        {
            int candidatesAdded = 0, candidatesPresent = 0, candidatesReused = 0, evaluationsAdded = 0, evaluationsPresent = 0, artifactsAdded = 0, artifactsPresent = 0;
            foreach (var candidate in candidates)
            {
                var write = InsertCandidateCore(candidate);
                _ = write.Result.AlreadyExisted ? candidatesPresent++ : candidatesAdded++;
                candidatesReused += write.Result.Added && write.ContentExisted ? 1 : 0;
            }
            foreach (var evaluation in batch.Evaluations)
            {
                _ = InsertEvaluationCore(evaluation).AlreadyExisted ? evaluationsPresent++ : evaluationsAdded++;
            }
            foreach (var upload in uploads)
            {
                _ = PutArtifactCore(upload).AlreadyExisted ? artifactsPresent++ : artifactsAdded++;
            }
            return new BatchInsertResult(candidatesAdded, candidatesPresent, evaluationsAdded, evaluationsPresent, artifactsAdded, artifactsPresent)
            {
                CandidatesReused = candidatesReused,
            };
        });
    }

    /// <summary>Closes the database. Idempotent.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _database.Dispose();
        }
    }

    /// <summary>
    /// Creates the indexes and checks (or, for a new file, writes) the schema version, in one transaction. The version
    /// of a file is its <c>schema</c> record's, raised by any <c>schema@N</c> upgrade marker: records are never
    /// rewritten, so opening a version-1 file inserts the marker <c>schema@2</c> instead of changing the record (a
    /// version-1 layout is a valid version-2 layout without memberships; nothing else needs migrating).
    /// </summary>
    private void Initialize() => Run(() =>
    {
        Candidates.EnsureIndex("scope");
        Candidates.EnsureIndex("spec");
        Candidates.EnsureIndex("parent_key");
        Memberships.EnsureIndex("scope");
        Memberships.EnsureIndex("spec");
        Memberships.EnsureIndex("candidate");
        Evaluations.EnsureIndex("candidate");
        Attachments.EnsureIndex("candidate");
        var meta = _database.GetCollection(MetaCollection);
        var schema = meta.FindById(SchemaRecord);
        if (schema is null)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = SchemaRecord,
                ["version"] = SchemaVersion,
                ["created_at"] = DateTimeOffset.UtcNow.UtcTicks,
            });
            return 0;
        }
        var version = SchemaVersionOf(schema);
        var upgrades = meta.Find(Query.StartsWith("_id", UpgradeRecordPrefix)).ToList();
        var effective = upgrades.Select(SchemaVersionOf).Append(version).Max();
        if (effective > SchemaVersion)
        {
            throw new WorkspaceDatabaseException(DatabasePath,
                $"Workspace database '{DatabasePath}' was written by a newer Sigil (schema version {effective}; this version reads {SchemaVersion}). " +
                "Upgrade Sigil to use it; do not open it with an older version.");
        }
        if (effective < SchemaVersion)
        {
            meta.Insert(new BsonDocument
            {
                ["_id"] = UpgradeRecordPrefix + SchemaVersion.ToString(CultureInfo.InvariantCulture),
                ["version"] = SchemaVersion,
                ["from_version"] = effective,
                ["created_at"] = DateTimeOffset.UtcNow.UtcTicks,
            });
        }
        return 0;
    });

    private int SchemaVersionOf(BsonDocument record)
    {
        var version = record["version"];
        return version.IsInt32 && version.AsInt32 >= 1
            ? version.AsInt32
            : throw new WorkspaceDatabaseException(DatabasePath,
                $"'{DatabasePath}' is a LiteDB file but not a Sigil workspace database (its schema record is unreadable). " +
                "Move it aside and let Sigil create a new workspace, or restore the right file from a backup.");
    }

    /// <summary>
    /// Inserts a validated candidate: stores its content and original record when the id is new; else, when its spec
    /// and workspace do not hold it yet, adds a membership (the stored content, parent and function id with the
    /// offered scope's provenance, time and summary); else writes nothing.
    /// </summary>
    private CandidateWrite InsertCandidateCore(CandidateRecord candidate)
    {
        if (Candidates.FindById(candidate.Id.Digest) is { } existing)
        {
            var original = BsonCodec.ToCandidate(existing);
            if (original.Spec == candidate.Spec && original.Workspace == candidate.Workspace)
            {
                return new(new(original, AlreadyExisted: true), ContentExisted: true);
            }
            if (Memberships.FindById(BsonCodec.MembershipKey(candidate.Spec, candidate.Workspace, candidate.Id)) is { } membership)
            {
                return new(new(BsonCodec.ToMember(original, membership), AlreadyExisted: true), ContentExisted: true);
            }
            var member = original with
            {
                Spec = candidate.Spec,
                Workspace = candidate.Workspace,
                Provenance = candidate.Provenance,
                CreatedAt = candidate.CreatedAt,
                Summary = candidate.Summary,
            };
            Memberships.Insert(BsonCodec.FromMembership(member));
            RegisterScope(member.Spec, member.Workspace);
            return new(new(member, AlreadyExisted: false), ContentExisted: true);
        }
        if (candidate.Parent is { } parent)
        {
            var parentDocument = Candidates.FindById(parent.Digest) ?? throw new WorkspaceReferenceException(
                $"Candidate {candidate.Id} was refused: its parent {parent} is not in workspace database '{DatabasePath}'. " +
                "Insert the parent first (a workspace is a tree rooted at the baseline), or pass null as the parent for a child of the baseline.");
            var parentFunction = parentDocument["function_id"].AsString;
            if (parentFunction != candidate.FunctionId.ToString())
            {
                throw new WorkspaceIntegrityException(
                    $"Candidate {candidate.Id} was refused: it is for {candidate.FunctionId} but its parent {parent} is for {parentFunction}. " +
                    "A candidate's parent must be a candidate of the same function, or the baseline.");
            }
        }
        Candidates.Insert(BsonCodec.FromCandidate(candidate));
        RegisterScope(candidate.Spec, candidate.Workspace);
        return new(new(candidate, AlreadyExisted: false), ContentExisted: false);
    }

    private void RegisterScope(string spec, string workspace)
    {
        var scope = BsonCodec.Scope(spec, workspace);
        if (Workspaces.FindById(scope) is null)
        {
            Workspaces.Insert(new BsonDocument { ["_id"] = scope, ["spec"] = spec, ["workspace"] = workspace });
        }
    }

    /// <summary>
    /// The candidates of membership documents, each as a member of its scope. <paramref name="originals"/> are
    /// records already at hand (their documents are not read again); a membership repeating a candidate's original
    /// scope, which this store never writes, is skipped so no candidate is listed twice in one scope.
    /// </summary>
    private List<CandidateRecord> MembersOf(IReadOnlyList<BsonDocument> memberships, IReadOnlyList<CandidateRecord> originals)
    {
        var known = originals.ToDictionary(c => c.Id.Digest, StringComparer.Ordinal);
        var members = new List<CandidateRecord>(memberships.Count);
        foreach (var membership in memberships)
        {
            var digest = membership["candidate"].AsString;
            if (!known.TryGetValue(digest, out var original))
            {
                original = Candidates.FindById(digest) is { } document
                    ? BsonCodec.ToCandidate(document)
                    : throw new WorkspaceDatabaseException(DatabasePath,
                        $"Workspace database '{DatabasePath}' is damaged: membership '{membership["_id"].AsString}' refers to candidate diff://b3:{digest}, which is not stored. " +
                        "Restore the file from a backup or re-import the workspace from an archive into a new one.");
                known.Add(digest, original);
            }
            if (original.Spec != membership["spec"].AsString || original.Workspace != membership["workspace"].AsString)
            {
                members.Add(BsonCodec.ToMember(original, membership));
            }
        }
        return members;
    }

    private InsertResult<EvaluationRecord> InsertEvaluationCore(EvaluationRecord evaluation)
    {
        if (Evaluations.FindById(BsonCodec.Hex(evaluation.Id)) is { } existing)
        {
            return new(BsonCodec.ToEvaluation(existing), AlreadyExisted: true);
        }
        RequireCandidate(evaluation.CandidateId, $"Evaluation {evaluation.Id}");
        Evaluations.Insert(BsonCodec.FromEvaluation(evaluation));
        return new(evaluation, AlreadyExisted: false);
    }

    private InsertResult<ArtifactRef> PutArtifactCore(PreparedArtifact upload)
    {
        var artifact = upload.Reference;
        RequireCandidate(artifact.CandidateId, $"Artifact '{artifact.Name}'");
        if (Attachments.FindById(upload.Key) is { } existing)
        {
            var stored = BsonCodec.ToArtifact(existing);
            return stored.Digest == artifact.Digest
                ? new(stored, AlreadyExisted: true)
                : throw new WorkspaceConflictException(
                    $"Candidate {artifact.CandidateId} already has an artifact named '{artifact.Name}' with different content ({stored.Digest}, not {artifact.Digest}). " +
                    "Artifacts are immutable: attach the new content under another name.");
        }
        var hex = BsonCodec.Hex(artifact.Digest);
        if (Blobs.FindById(hex) is null)
        {
            using var stream = MemoryMarshal.TryGetArray(upload.Content, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(upload.Content.ToArray(), writable: false);
            Blobs.Upload(hex, hex, stream);
        }
        Attachments.Insert(BsonCodec.FromArtifact(upload.Key, artifact));
        return new(artifact, AlreadyExisted: false);
    }

    private void RequireCandidate(CandidateId candidateId, string what)
    {
        if (Candidates.FindById(candidateId.Digest) is null)
        {
            throw new WorkspaceReferenceException(
                $"{what} was refused: its candidate {candidateId} is not in workspace database '{DatabasePath}'. Insert the candidate first.");
        }
    }

    private static PreparedArtifact PrepareArtifact(ArtifactUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload.CandidateId, nameof(upload.CandidateId));
        if (RecordRules.CheckArtifactName(upload.Name) is { } problem)
        {
            throw new WorkspaceIntegrityException($"Artifact for candidate {upload.CandidateId} was refused: {problem}");
        }
        if (upload.Content.Length > WorkspaceLimits.MaxArtifactBytes)
        {
            throw new WorkspaceIntegrityException(
                $"Artifact '{upload.Name}' for candidate {upload.CandidateId} is {upload.Content.Length} bytes, over the limit of {WorkspaceLimits.MaxArtifactBytes}.");
        }
        var digest = ArtifactRef.DigestPrefix + Blake3Digest.Hex(upload.Content.Span);
        var key = Blake3Digest.Hex(upload.CandidateId + "\n" + upload.Name);
        return new PreparedArtifact(key, new ArtifactRef(upload.CandidateId, upload.Name, digest, upload.Content.Length), upload.Content);
    }

    /// <summary>
    /// Orders candidates so that each parent inside the list comes before its children; refuses cycles. Repeated
    /// ids are kept, in their order, after all first occurrences: each then adds a membership of another spec and
    /// workspace, or is counted as already present.
    /// </summary>
    private static List<CandidateRecord> ParentsFirst(IReadOnlyList<CandidateRecord> candidates)
    {
        var firstIndex = new Dictionary<CandidateId, int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            firstIndex.TryAdd(candidates[i].Id, i);
        }
        var ordered = new List<CandidateRecord>(candidates.Count);
        var state = new Dictionary<CandidateId, bool>(); // false: on the current chain, true: placed
        foreach (var start in firstIndex.Values)
        {
            var chain = new Stack<CandidateRecord>();
            for (var current = candidates[start]; ;)
            {
                if (state.TryGetValue(current.Id, out var placed))
                {
                    if (!placed)
                    {
                        throw new WorkspaceIntegrityException(
                            $"Candidate {current.Id} is its own ancestor (its chain of parents loops back to it); a workspace must be a tree rooted at the baseline. Nothing was written.");
                    }
                    break;
                }
                state[current.Id] = false;
                chain.Push(current);
                if (current.Parent is not { } parent || !firstIndex.TryGetValue(parent, out var parentIndex))
                {
                    break;
                }
                current = candidates[parentIndex];
            }
            while (chain.TryPop(out var next))
            {
                state[next.Id] = true;
                ordered.Add(next);
            }
        }
        ordered.AddRange(candidates.Where((candidate, i) => firstIndex[candidate.Id] != i));
        return ordered;
    }

    private static List<CandidateRecord> Ordered(IEnumerable<CandidateRecord> candidates) => candidates
        .OrderBy(c => c.CreatedAt)
        .ThenBy(c => c.Id.Digest, StringComparer.Ordinal)
        .ThenBy(c => c.Spec, StringComparer.Ordinal)
        .ThenBy(c => c.Workspace, StringComparer.Ordinal)
        .ToList();

    private static void ThrowIfInvalid(string? problem)
    {
        if (problem is not null)
        {
            throw new WorkspaceIntegrityException(problem + " Nothing was written.");
        }
    }

    private static void ThrowIfBadName(string name, string what, string parameterName)
    {
        if (RecordRules.CheckName(name, what) is { } problem)
        {
            throw new ArgumentException(char.ToUpperInvariant(problem[0]) + problem[1..], parameterName);
        }
    }

    /// <summary>Runs <paramref name="body"/> under the instance lock in one LiteDB transaction; translates storage errors.</summary>
    private T Run<T>(Func<T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var inTransaction = false;
            try
            {
                inTransaction = _database.BeginTrans();
                if (!inTransaction)
                {
                    throw new WorkspaceDatabaseException(DatabasePath,
                        $"Could not start a transaction on workspace database '{DatabasePath}': one is already open on this thread. " +
                        "Do not call the workspace store from inside another store operation.");
                }
                var result = body();
                _database.Commit();
                return result;
            }
            catch (Exception e)
            {
                if (inTransaction)
                {
                    try
                    {
                        _database.Rollback();
                    }
                    catch (Exception)
                    {
                        // The operation already failed; report that failure, not the rollback's.
                    }
                }
                if (e is WorkspaceException or OperationCanceledException)
                {
                    throw;
                }
                throw Translate(DatabasePath, e);
            }
        }
    }

    private static WorkspaceDatabaseException Translate(string path, Exception error) => error switch
    {
        LiteException { ErrorCode: LiteException.LOCK_TIMEOUT } => new(path,
            $"Timed out waiting for the lock on workspace database '{path}': another Sigil process (CLI, language server, a run) is holding it. " +
            "Wait for it to finish, or close it, and retry.", error),
        UnauthorizedAccessException => new(path,
            $"Access to workspace database '{path}' was denied ({error.Message}). Check the permissions of the file and of its directory.", error),
        IOException => new(path,
            $"Workspace database '{path}' could not be read or written ({error.Message}). If another program has it open exclusively, close that " +
            "program; also check free disk space and permissions, then retry.", error),
        LiteException or ArgumentException or IndexOutOfRangeException or InvalidCastException or FormatException => new(path,
            $"Workspace database '{path}' is unreadable or corrupt ({error.GetType().Name}: {error.Message}). Move it aside (for example rename " +
            "it to workspace.db.broken), then restore it from a backup or re-import an exported workspace archive into a new one.", error),
        _ => new(path,
            $"Workspace database '{path}' could not be read or written ({error.GetType().Name}: {error.Message}). Retry; if it happens again the " +
            "file may be corrupt: move it aside (for example rename it to workspace.db.broken), then restore it from a backup or re-import an " +
            "exported workspace archive into a new one.", error),
    };

    /// <summary>The outcome of a candidate insert, and whether its content was already stored (so at most a membership was written).</summary>
    private readonly record struct CandidateWrite(InsertResult<CandidateRecord> Result, bool ContentExisted);

    /// <summary>An artifact ready to write: its attachment key, its reference and its bytes.</summary>
    private sealed record PreparedArtifact(string Key, ArtifactRef Reference, ReadOnlyMemory<byte> Content);
}
