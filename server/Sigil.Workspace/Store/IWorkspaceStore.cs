using Sigil.Core.Identity;
using Sigil.Workspace.Model;

namespace Sigil.Workspace.Store;

/// <summary>
/// The workspace of a project: per spec and named workspace, a content-addressed tree of candidates rooted at each
/// function's baseline, their evaluations and their artifacts, and the run log (every run and every trial of it).
/// Every other Sigil component talks to the workspace through this interface only.
/// </summary>
/// <remarks>
/// <para>
/// <b>Candidates and memberships.</b> A candidate's content (diff, AST patch, parent, function id) is stored once per
/// <see cref="CandidateId"/>, whatever spec or workspace produced it. Named workspaces are like branches: each
/// (spec, workspace) holding a candidate is a <i>membership</i> with its own provenance, creation time and summary
/// (the <see cref="CandidateRecord"/> fields <see cref="CandidateRecord.Spec"/>, <see cref="CandidateRecord.Workspace"/>,
/// <see cref="CandidateRecord.Provenance"/>, <see cref="CandidateRecord.CreatedAt"/> and
/// <see cref="CandidateRecord.Summary"/>). The first membership written is the candidate's <i>original record</i>,
/// returned by <see cref="GetCandidate"/> and the tree queries; <see cref="ListCandidates"/> and
/// <see cref="ListMemberships"/> return each membership's record.
/// </para>
/// <para>
/// <b>Invariant: insert-only.</b> There is no update and no delete anywhere in this API, and implementations must
/// not add one. Once written, a candidate, membership, evaluation, artifact, run or trial is never modified or removed: writing
/// a record whose key already exists writes nothing and reports <see cref="InsertResult{T}.AlreadyExisted"/> with
/// the record written first (first write wins, even when the offered metadata differs). A candidate's key is its id
/// within its spec and workspace: offering a stored candidate under a spec and workspace that do not hold it yet adds
/// a membership, never a second copy of the content.
/// </para>
/// <para>
/// <b>Invariant: content-addressed.</b> The store recomputes every id from the content (a candidate's id from its
/// diff and AST patch, an evaluation's and a run's from their canonical JSON, an artifact's digest from its bytes) and
/// refuses a record whose id does not match.
/// </para>
/// <para>
/// <b>Invariant: closed tree.</b> A candidate's parent is the baseline or a candidate already in the store (for the
/// same function); an evaluation's or artifact's candidate is in the store; a trial's run, candidate, parent and
/// evaluation are in the store.
/// </para>
/// <para>
/// <b>Invariant: ordered run log.</b> A run's trials are keyed by index and appended in order (0, 1, 2... without a
/// gap, at most the run's number of iterations), so the stored trials of a run are always the exact prefix a resumed
/// run replays. The same trial offered again at a stored index writes nothing; a different one is refused.
/// </para>
/// Errors are <see cref="Errors.WorkspaceException"/>s with messages fit to show a user.
/// </remarks>
public interface IWorkspaceStore : IDisposable
{
    /// <summary>Where the store lives (for a LiteDB store, the database file), for messages.</summary>
    string Location { get; }

    /// <summary>
    /// Inserts a candidate into its spec and workspace. Refuses one whose id does not match its diff and patch
    /// (<see cref="Errors.WorkspaceIntegrityException"/>) or, when the id is new, whose parent candidate is unknown
    /// (<see cref="Errors.WorkspaceReferenceException"/>). When the id is new, stores the candidate (this record
    /// becomes its original record). When the id is stored but the spec and workspace do not hold it, adds the
    /// membership only and reports it added: the returned record has the stored content, parent and function id
    /// (the offered ones are not used) and the offered spec, workspace, provenance, creation time and summary. When
    /// the spec and workspace already hold it, writes nothing and returns their record.
    /// </summary>
    InsertResult<CandidateRecord> InsertCandidate(CandidateRecord candidate);

    /// <summary>The candidate with this id as first written (its original record, in the spec and workspace first given), or <c>null</c>.</summary>
    CandidateRecord? GetCandidate(CandidateId id);

    /// <summary>
    /// The candidates of a spec, in one named workspace or (when <paramref name="workspace"/> is <c>null</c>) in all
    /// of them: one record per membership, with that spec and workspace's provenance, creation time and summary (so
    /// a candidate held by several workspaces of the spec is listed once per workspace); ordered by creation time,
    /// then id, then workspace.
    /// </summary>
    /// <exception cref="ArgumentException">A name does not follow the naming rule (see <see cref="WorkspaceLimits.MaxNameLength"/>).</exception>
    IReadOnlyList<CandidateRecord> ListCandidates(string spec, string? workspace = null);

    /// <summary>
    /// Every spec and workspace holding the candidate, one record per membership (the original record among them);
    /// ordered by creation time, then spec, then workspace. Empty when the id is not stored.
    /// </summary>
    IReadOnlyList<CandidateRecord> ListMemberships(CandidateId candidateId);

    /// <summary>
    /// The candidates whose diff applies to <paramref name="parent"/>, each once as its original record (see
    /// <see cref="GetCandidate"/>), whatever spec or workspace holds it; ordered by creation time, then id.
    /// </summary>
    IReadOnlyList<CandidateRecord> Children(CandidateId parent);

    /// <summary>
    /// The candidates whose diff applies to the baseline of <paramref name="baseline"/> (the roots of its tree), in
    /// every spec and workspace, each once as its original record; ordered by creation time, then id.
    /// </summary>
    IReadOnlyList<CandidateRecord> Children(FunctionId baseline);

    /// <summary>
    /// Inserts an evaluation. Refuses one whose id does not match its content or whose candidate is unknown. When the
    /// id is already stored, writes nothing.
    /// </summary>
    InsertResult<EvaluationRecord> InsertEvaluation(EvaluationRecord evaluation);

    /// <summary>The evaluations of a candidate, ordered by creation time, then id.</summary>
    IReadOnlyList<EvaluationRecord> ListEvaluations(CandidateId candidateId);

    /// <summary>
    /// The evaluations of many candidates at once (reports and editor lenses): each requested candidate maps to its
    /// evaluations ordered as <see cref="ListEvaluations(CandidateId)"/> orders them, an empty list when it has none.
    /// </summary>
    IReadOnlyDictionary<CandidateId, IReadOnlyList<EvaluationRecord>> ListEvaluations(IEnumerable<CandidateId> candidateIds);

    /// <summary>
    /// Stores <paramref name="content"/> (once per digest) and attaches it to a candidate under
    /// <paramref name="name"/>. Attaching the same bytes under the same name again writes nothing; different bytes
    /// under a name the candidate already uses are refused (<see cref="Errors.WorkspaceConflictException"/>).
    /// </summary>
    InsertResult<ArtifactRef> PutArtifact(CandidateId candidateId, string name, ReadOnlySpan<byte> content);

    /// <summary>The bytes of the blob with this digest (<c>b3:&lt;hex&gt;</c>), verified against it, or <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The digest is not <c>b3:</c> followed by 64 lowercase hex digits.</exception>
    byte[]? GetArtifact(string digest);

    /// <summary>The artifacts attached to a candidate, ordered by name (ordinal).</summary>
    IReadOnlyList<ArtifactRef> ListArtifacts(CandidateId candidateId);

    /// <summary>
    /// Every spec and named workspace that holds candidates or runs, with how many candidates it holds (its
    /// memberships, original records included) and how many runs were started in it; ordered by spec, then workspace.
    /// </summary>
    IReadOnlyList<WorkspaceSummary> ListWorkspaces();

    /// <summary>
    /// Inserts candidates, evaluations and artifacts all together or not at all: every record is validated first
    /// and the writes happen in one transaction, so on any error nothing is written. Candidates are inserted as by
    /// <see cref="InsertCandidate"/> (parents in the batch first; when the same id comes several times, its first
    /// occurrence first, so it becomes the original record of new content). Records already stored are counted, not
    /// rewritten.
    /// </summary>
    BatchInsertResult InsertBatch(WorkspaceBatch batch);

    /// <summary>
    /// Inserts a run and registers its spec and workspace. Refuses one that breaks the rules (names, limits, an endpoint
    /// with credentials, settings not canonical) or whose id does not match its content
    /// (<see cref="Errors.WorkspaceIntegrityException"/>). When the id is already stored, writes nothing.
    /// </summary>
    InsertResult<RunRecord> InsertRun(RunRecord run);

    /// <summary>The run with this id, or <c>null</c>.</summary>
    RunRecord? GetRun(RunId id);

    /// <summary>
    /// The runs of a spec, in one named workspace or (when <paramref name="workspace"/> is <c>null</c>) in all of them;
    /// ordered by creation time, then id.
    /// </summary>
    /// <exception cref="ArgumentException">A name does not follow the naming rule.</exception>
    IReadOnlyList<RunRecord> ListRuns(string spec, string? workspace = null);

    /// <summary>
    /// Appends a trial to its run. Refuses, writing nothing: an invalid trial or one whose index is not the run's
    /// number of stored trials, or is past the run's iterations (<see cref="Errors.WorkspaceIntegrityException"/>); a
    /// trial whose run, candidate, parent or evaluation is not stored (<see cref="Errors.WorkspaceReferenceException"/>);
    /// a trial that differs from the one stored at its index (<see cref="Errors.WorkspaceConflictException"/>). The same
    /// trial at its stored index writes nothing and reports <see cref="InsertResult{T}.AlreadyExisted"/>. To log a trial
    /// together with the candidate and evaluation it names, all or nothing, use <see cref="InsertBatch"/>.
    /// </summary>
    InsertResult<TrialRecord> InsertTrial(TrialRecord trial);

    /// <summary>The trials of a run, ordered by index (0, 1, 2...); empty when the run has none or is not stored.</summary>
    IReadOnlyList<TrialRecord> ListTrials(RunId runId);
}
