namespace Sigil.Workspace.Model;

/// <summary>What a batch insert (or an archive import) wrote and what the store already held.</summary>
/// <param name="CandidatesAdded">Candidates written.</param>
/// <param name="CandidatesAlreadyPresent">Candidates whose id the store already held (nothing written).</param>
/// <param name="EvaluationsAdded">Evaluations written.</param>
/// <param name="EvaluationsAlreadyPresent">Evaluations whose id the store already held.</param>
/// <param name="ArtifactsAdded">Artifact attachments written.</param>
/// <param name="ArtifactsAlreadyPresent">Attachments the store already held with the same bytes.</param>
public sealed record BatchInsertResult(
    int CandidatesAdded,
    int CandidatesAlreadyPresent,
    int EvaluationsAdded,
    int EvaluationsAlreadyPresent,
    int ArtifactsAdded,
    int ArtifactsAlreadyPresent)
{
    /// <summary>Records written, all kinds together.</summary>
    public int Added => CandidatesAdded + EvaluationsAdded + ArtifactsAdded;

    /// <summary>Records already present, all kinds together.</summary>
    public int AlreadyPresent => CandidatesAlreadyPresent + EvaluationsAlreadyPresent + ArtifactsAlreadyPresent;
}
