namespace Sigil.Workspace.Model;

/// <summary>
/// Records to insert all together or not at all (see <see cref="Store.IWorkspaceStore.InsertBatch"/>). Candidates
/// may come in any order: parents inside the batch are inserted before their children. The same candidate may come
/// several times, in several specs or workspaces; its first occurrence is inserted first. Runs are inserted after
/// candidates, evaluations and artifacts, and trials last, by run and index: so one batch can store a trial together
/// with the candidate and evaluation it names, all or nothing.
/// </summary>
public sealed record WorkspaceBatch
{
    /// <summary>The candidates to insert.</summary>
    public IReadOnlyList<CandidateRecord> Candidates { get; init; } = [];

    /// <summary>The evaluations to insert; their candidates must be in the store or in <see cref="Candidates"/>.</summary>
    public IReadOnlyList<EvaluationRecord> Evaluations { get; init; } = [];

    /// <summary>The artifacts to attach; their candidates must be in the store or in <see cref="Candidates"/>.</summary>
    public IReadOnlyList<ArtifactUpload> Artifacts { get; init; } = [];

    /// <summary>The runs to insert.</summary>
    public IReadOnlyList<RunRecord> Runs { get; init; } = [];

    /// <summary>
    /// The trials to insert, in any order (they are written by run, then index); their runs, candidates, parents and
    /// evaluations must be in the store or in this batch.
    /// </summary>
    public IReadOnlyList<TrialRecord> Trials { get; init; } = [];
}
