using Sigil.Core.Identity;
using Sigil.Projects;
using Sigil.Projects.Config;
using Sigil.Runs.Serving;

namespace Sigil.Trust.Artifacts;

/// <summary>
/// Compiles promote's artifacts with <see cref="ArtifactService"/> on the project file named in the project's
/// <c>sigil.json</c>: what the CLI and the language server pass to <see cref="Promotion.PromoteService"/>.
/// </summary>
public sealed class ProjectArtifactCompiler : IArtifactCompiler
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactImage>> CompileAsync(string projectDirectory, string spec, IReadOnlyList<CandidateId> candidates, CancellationToken ct)
    {
        var paths = new SigilPaths(projectDirectory);
        var projectFile = ConfigStore.Load(paths).Project
            ?? throw new SigilProjectException("sigil.json names no project file; run 'sigil config set project NAME.csproj'.");
        var compiled = await new ArtifactService().CompileAsync(new ArtifactRequest
        {
            ProjectFile = Path.Combine(paths.ProjectDirectory, projectFile),
            SigilDirectory = paths.SigilDirectory,
            Spec = spec,
            Candidates = candidates,
        }, ct).ConfigureAwait(false);
        return [.. compiled.Select(c => new ArtifactImage(c.Candidate, c.Image, c.EntryType, c.WhyNot))];
    }
}
