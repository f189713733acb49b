namespace Sigil.Workspace.Model;

/// <summary>
/// What a batch insert (or an archive import) wrote and what the store already held. Runs and trials are counted in
/// the init-only properties, which are 0 for batches without them.
/// </summary>
/// <param name="CandidatesAdded">
/// Candidate records added to their spec and workspace: new candidates, and stored candidates that joined another
/// spec or workspace (those are also counted in <see cref="CandidatesReused"/>).
/// </param>
/// <param name="CandidatesAlreadyPresent">Candidate records whose spec and workspace already held that id (nothing written).</param>
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
    /// <summary>
    /// Of <see cref="CandidatesAdded"/>, those whose content the store already held under another spec or workspace,
    /// so only their membership of this spec and workspace was written (the content is stored once).
    /// </summary>
    public int CandidatesReused { get; init; }

    /// <summary>Runs written.</summary>
    public int RunsAdded { get; init; }

    /// <summary>Runs whose id the store already held.</summary>
    public int RunsAlreadyPresent { get; init; }

    /// <summary>Trials written.</summary>
    public int TrialsAdded { get; init; }

    /// <summary>Trials the store already held, identical, at their run and index.</summary>
    public int TrialsAlreadyPresent { get; init; }

    /// <summary>Records written, all kinds together (a membership counts as one).</summary>
    public int Added => CandidatesAdded + EvaluationsAdded + ArtifactsAdded + RunsAdded + TrialsAdded;

    /// <summary>Records already present, all kinds together.</summary>
    public int AlreadyPresent => CandidatesAlreadyPresent + EvaluationsAlreadyPresent + ArtifactsAlreadyPresent + RunsAlreadyPresent + TrialsAlreadyPresent;
}
