using Sigil.Projects;
using Sigil.Publishing.Git;

namespace Sigil.Trust.Publication;

/// <summary>What to publish (<c>sigil publish MANIFEST</c>): a verified manifest's candidates, rewritten into the source on a new branch.</summary>
/// <param name="ManifestPath">The manifest file (relative paths are taken from the project directory).</param>
/// <param name="Project">The Sigil project: trusted keys, build output, applied record and workspace, inside a git working tree.</param>
public sealed record PublishManifestRequest(string ManifestPath, SigilPaths Project)
{
    /// <summary>The new branch; null for <c>sigil/publish-&lt;short id&gt;</c>.</summary>
    public string? BranchName { get; init; }

    /// <summary>Where to write the <c>.patch</c> (relative to the project directory); null for <c>&lt;project&gt;/sigil-&lt;short id&gt;.patch</c>.</summary>
    public string? PatchPath { get; init; }

    /// <summary>The built assembly for the ABI check, as for verify; null for the project's newest build output.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>How git is run (null for the git on PATH).</summary>
    public GitOptions? Git { get; init; }
}
