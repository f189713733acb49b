using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// The workspace store as <see cref="Sigil.Runs.Inspection.SolutionsReport"/> sees it for one pin's lenses: its spec's
/// candidates are only the ones given (the pin's, already listed), everything else is the store's. So the report reads
/// the evaluations of that pin's candidates alone, and builds exactly the rows it builds over the whole store for that
/// pin (its rows are grouped per workspace and pin). Read-only: it never writes.
/// </summary>
internal sealed class PinCandidatesView(IWorkspaceStore store, string pinSpec, IReadOnlyList<CandidateRecord> candidates) : IWorkspaceStore
{
    /// <inheritdoc />
    public string Location => store.Location;

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> ListCandidates(string spec, string? workspace = null) =>
        spec != pinSpec ? store.ListCandidates(spec, workspace) : workspace is null ? candidates : [.. candidates.Where(c => c.Workspace == workspace)];

    /// <inheritdoc />
    public IReadOnlyList<EvaluationRecord> ListEvaluations(CandidateId candidateId) => store.ListEvaluations(candidateId);

    /// <inheritdoc />
    public CandidateRecord? GetCandidate(CandidateId id) => store.GetCandidate(id);

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> ListMemberships(CandidateId candidateId) => store.ListMemberships(candidateId);

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> Children(CandidateId parent) => store.Children(parent);

    /// <inheritdoc />
    public IReadOnlyList<CandidateRecord> Children(FunctionId baseline) => store.Children(baseline);

    /// <inheritdoc />
    public byte[]? GetArtifact(string digest) => store.GetArtifact(digest);

    /// <inheritdoc />
    public IReadOnlyList<ArtifactRef> ListArtifacts(CandidateId candidateId) => store.ListArtifacts(candidateId);

    /// <inheritdoc />
    public IReadOnlyList<WorkspaceSummary> ListWorkspaces() => store.ListWorkspaces();

    /// <inheritdoc />
    public RunRecord? GetRun(RunId id) => store.GetRun(id);

    /// <inheritdoc />
    public IReadOnlyList<RunRecord> ListRuns(string spec, string? workspace = null) => store.ListRuns(spec, workspace);

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> ListTrials(RunId runId) => store.ListTrials(runId);

    /// <inheritdoc />
    public InsertResult<CandidateRecord> InsertCandidate(CandidateRecord candidate) => throw ReadOnly();

    /// <inheritdoc />
    public InsertResult<EvaluationRecord> InsertEvaluation(EvaluationRecord evaluation) => throw ReadOnly();

    /// <inheritdoc />
    public InsertResult<ArtifactRef> PutArtifact(CandidateId candidateId, string name, ReadOnlySpan<byte> content) => throw ReadOnly();

    /// <inheritdoc />
    public BatchInsertResult InsertBatch(WorkspaceBatch batch) => throw ReadOnly();

    /// <inheritdoc />
    public InsertResult<RunRecord> InsertRun(RunRecord run) => throw ReadOnly();

    /// <inheritdoc />
    public InsertResult<TrialRecord> InsertTrial(TrialRecord trial) => throw ReadOnly();

    /// <summary>Does nothing: the store belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private static NotSupportedException ReadOnly() => new("the lenses' view of the workspace store is read-only");
}
