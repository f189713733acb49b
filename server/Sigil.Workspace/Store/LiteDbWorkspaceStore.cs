using System.Globalization;
using LiteDB;
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
/// one; neither have the internal collaborators it delegates to (<see cref="CandidateWriter"/>,
/// <see cref="EvaluationStore"/>, <see cref="ArtifactStore"/>, <see cref="RunLog"/>, <see cref="ScopeRegistry"/>,
/// <see cref="WorkspaceSchema"/>):
/// every write path checks whether the id exists and, when it does, writes nothing. See
/// <see cref="IWorkspaceStore"/> for the full contract.
/// </para>
/// <para>
/// <b>Layout (schema version 3).</b> <c>candidates</c>: one document per candidate id, its content plus its original
/// record (the spec, workspace, provenance, time and summary it was first written under, which is also its first
/// membership). <c>memberships</c> (version 2): one document per further (spec, workspace, candidate), keyed
/// <c>spec/workspace/digest</c>. <c>runs</c> and <c>trials</c> (version 3): the run log, one document per run id and
/// one per (run, index), keyed <c>run-digest/index</c>. <c>evaluations</c>, <c>attachments</c>, the <c>blobs</c> file
/// storage, the <c>workspaces</c> registry and <c>meta</c> (schema version) as in version 1. Each version only added
/// collections, so an older file is read as is: a version-1 file is a version-3 file without memberships and runs
/// (each candidate is a member of its own spec and workspace), a version-2 file one without runs; nothing is migrated
/// or rewritten. Opening it only adds the empty collections and indexes and a <c>schema@3</c> marker record in
/// <c>meta</c>, so this and later versions read the file as version 3; the original <c>schema</c> record is not
/// rewritten (see <c>docs/decisions/0004-workspace.md</c> for what an older Sigil then does).
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
    /// specs and workspaces), 3 the run log (runs and trials). Files of versions 1 and 2 are read as they are (see the
    /// remarks).
    /// </summary>
    public const int SchemaVersion = 3;

    // Each public operation checks its arguments, then runs as one transaction (StoreTransactions) over the
    // collaborators below, which share the collections (WorkspaceCollections, document shapes in BsonCodec). None of
    // them updates or deletes: each write looks its key up first and writes nothing when it is stored.
    private readonly StoreTransactions _transactions;
    private readonly WorkspaceCollections _collections;
    private readonly CandidateReader _candidates;
    private readonly CandidateWriter _candidateWriter;
    private readonly EvaluationStore _evaluations;
    private readonly ArtifactStore _artifacts;
    private readonly ScopeRegistry _scopes;
    private readonly RunLog _runs;
    private readonly BatchWriter _batches;

    private LiteDbWorkspaceStore(LiteDatabase database, string databasePath)
    {
        DatabasePath = databasePath;
        _transactions = new StoreTransactions(database, databasePath, this);
        _collections = new WorkspaceCollections(database, databasePath);
        _candidates = new CandidateReader(_collections);
        _scopes = new ScopeRegistry(_collections);
        _candidateWriter = new CandidateWriter(_collections, _scopes);
        _evaluations = new EvaluationStore(_collections, _candidates);
        _artifacts = new ArtifactStore(_collections, _candidates);
        _runs = new RunLog(_collections, _candidates, _scopes);
        _batches = new BatchWriter(_candidateWriter, _evaluations, _artifacts, _runs);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string Location => DatabasePath;

    /// <summary>
    /// Opens (creating when missing) the workspace database <c>workspace.db</c> inside
    /// <paramref name="sigilDirectory"/> (a project's <c>.sigil</c> directory, created when missing).
    /// </summary>
    /// <exception cref="WorkspaceDatabaseException">The file is locked, unreadable, corrupt or from a newer Sigil.</exception>
    public static LiteDbWorkspaceStore Open(string sigilDirectory) => Open(sigilDirectory, SchemaVersion);

    /// <summary>
    /// <see cref="Open(string)"/> as a Sigil that reads schema versions up to <paramref name="readsVersion"/>: for tests
    /// of how an older Sigil treats a file (it is refused when newer, and marked when older).
    /// </summary>
    internal static LiteDbWorkspaceStore Open(string sigilDirectory, int readsVersion)
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
            store.Initialize(readsVersion);
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
            throw e is WorkspaceException workspaceError ? workspaceError : StoreTransactions.Translate(path, e);
        }
    }

    /// <inheritdoc />
    public InsertResult<CandidateRecord> InsertCandidate(CandidateRecord candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        StoreGuards.ThrowIfInvalid(RecordRules.CheckCandidate(candidate));
        return Run(() => _candidateWriter.Insert(candidate).Result);
    }

    /// <inheritdoc />
    public CandidateRecord? GetCandidate(CandidateId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Run(() => _candidates.Get(id));
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> ListCandidates(string spec, string? workspace = null)
    {
        StoreGuards.ThrowIfBadName(spec, "spec", nameof(spec));
        if (workspace is not null)
        {
            StoreGuards.ThrowIfBadName(workspace, "workspace", nameof(workspace));
        }
        return Run(() => _candidates.List(spec, workspace));
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> ListMemberships(CandidateId candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Run(() => _candidates.ListMemberships(candidateId));
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> Children(CandidateId parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Run(() => _candidates.Children(parent));
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> Children(FunctionId baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Run(() => _candidates.Children(baseline));
    }

    /// <inheritdoc />
    public InsertResult<EvaluationRecord> InsertEvaluation(EvaluationRecord evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        StoreGuards.ThrowIfInvalid(RecordRules.CheckEvaluation(evaluation));
        return Run(() => _evaluations.Insert(evaluation));
    }

    /// <inheritdoc />
    public IReadOnlyList<EvaluationRecord> ListEvaluations(CandidateId candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Run(() => _evaluations.List(candidateId));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<CandidateId, IReadOnlyList<EvaluationRecord>> ListEvaluations(IEnumerable<CandidateId> candidateIds)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        var ids = candidateIds.ToList();
        if (ids.Any(id => id is null))
        {
            throw new ArgumentException("A candidate id in the list is null.", nameof(candidateIds));
        }
        return Run(() => _evaluations.List(ids));
    }

    /// <inheritdoc />
    public InsertResult<ArtifactRef> PutArtifact(CandidateId candidateId, string name, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        var upload = ArtifactStore.Prepare(new ArtifactUpload(candidateId, name, content.ToArray()));
        return Run(() => _artifacts.Put(upload));
    }

    /// <inheritdoc />
    public byte[]? GetArtifact(string digest)
    {
        if (!RecordRules.IsB3(digest))
        {
            throw new ArgumentException($"Artifact digest '{digest}' is malformed; expected 'b3:' followed by 64 lowercase hex digits.", nameof(digest));
        }
        return Run(() => _artifacts.Get(digest));
    }

    /// <inheritdoc />
    public IReadOnlyList<ArtifactRef> ListArtifacts(CandidateId candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return Run(() => _artifacts.List(candidateId));
    }

    /// <inheritdoc />
    public IReadOnlyList<WorkspaceSummary> ListWorkspaces() => Run(_scopes.List);

    /// <inheritdoc />
    public BatchInsertResult InsertBatch(WorkspaceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var prepared = BatchWriter.Prepare(batch);
        return Run(() => _batches.Write(prepared));
    }

    /// <inheritdoc />
    public InsertResult<RunRecord> InsertRun(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        StoreGuards.ThrowIfInvalid(RunRules.CheckRun(run));
        return Run(() => _runs.InsertRun(run));
    }

    /// <inheritdoc />
    public RunRecord? GetRun(RunId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Run(() => _runs.GetRun(id));
    }

    /// <inheritdoc />
    public IReadOnlyList<RunRecord> ListRuns(string spec, string? workspace = null)
    {
        StoreGuards.ThrowIfBadName(spec, "spec", nameof(spec));
        if (workspace is not null)
        {
            StoreGuards.ThrowIfBadName(workspace, "workspace", nameof(workspace));
        }
        return Run(() => _runs.ListRuns(spec, workspace));
    }

    /// <inheritdoc />
    public InsertResult<TrialRecord> InsertTrial(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        StoreGuards.ThrowIfInvalid(RunRules.CheckTrial(trial));
        var digest = trial.ComputeDigest();
        return Run(() => _runs.InsertTrial(trial, digest));
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ListTrials(RunId runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Run(() => _runs.ListTrials(runId));
    }

    /// <summary>Closes the database. Idempotent.</summary>
    public void Dispose() => _transactions.Dispose();

    /// <summary>Creates the indexes and checks (or, for a new file, writes) the schema version, in one transaction.</summary>
    private void Initialize(int readsVersion) => Run(() =>
    {
        WorkspaceSchema.Initialize(_collections, readsVersion);
        return 0;
    });

    /// <summary>Runs <paramref name="body"/> as one operation: under the instance lock, in one transaction, errors translated.</summary>
    private T Run<T>(Func<T> body) => _transactions.Run(body);
}
