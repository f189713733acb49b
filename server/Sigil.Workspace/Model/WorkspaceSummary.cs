namespace Sigil.Workspace.Model;

/// <summary>A named workspace of a spec, how many candidates it holds and how many runs were started in it.</summary>
/// <param name="Spec">The spec, for example <c>quickstart</c>.</param>
/// <param name="Workspace">The workspace inside the spec, for example <c>v1</c>.</param>
/// <param name="CandidateCount">
/// The number of candidates this spec and workspace holds (its memberships), including candidates first written
/// under another spec or workspace.
/// </param>
public sealed record WorkspaceSummary(string Spec, string Workspace, int CandidateCount)
{
    /// <summary>The number of runs (<see cref="RunRecord"/>) started in this spec and workspace.</summary>
    public int RunCount { get; init; }
}
