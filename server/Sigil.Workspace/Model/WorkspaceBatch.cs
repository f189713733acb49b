namespace Sigil.Workspace.Model;

/// <summary>
/// Records to insert all together or not at all (see <see cref="Store.IWorkspaceStore.InsertBatch"/>). Candidates
/// may come in any order: parents inside the batch are inserted before their children. The same candidate may come
/// several times, in several specs or workspaces; its first occurrence is inserted first.
/// </summary>
public sealed record WorkspaceBatch
{
    /// <summary>The candidates to insert.</summary>
    public IReadOnlyList<CandidateRecord> Candidates { get; init; } = [];

    /// <summary>The evaluations to insert; their candidates must be in the store or in <see cref="Candidates"/>.</summary>
    public IReadOnlyList<EvaluationRecord> Evaluations { get; init; } = [];

    /// <summary>The artifacts to attach; their candidates must be in the store or in <see cref="Candidates"/>.</summary>
    public IReadOnlyList<ArtifactUpload> Artifacts { get; init; } = [];
}
