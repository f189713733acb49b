using Sigil.Core.Identity;

namespace Sigil.Trust.Artifacts;

/// <summary>
/// Compiles approved candidates ahead of time for the runtime resolver. The CLI and the language server pass one
/// (over <c>Sigil.Runs.Serving.ArtifactService</c>) to <see cref="Promotion.PromoteService"/>; without one, manifests
/// carry no artifacts: they can be published, and the prod resolver serves baselines.
/// </summary>
public interface IArtifactCompiler
{
    /// <summary>One result per candidate, in order.</summary>
    Task<IReadOnlyList<ArtifactImage>> CompileAsync(string projectDirectory, string spec, IReadOnlyList<CandidateId> candidates, CancellationToken ct);
}
