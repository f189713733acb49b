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

    /// <summary>
    /// Where to write the <c>.patch</c> (relative to the project directory); null for
    /// <c>&lt;repository&gt;/.git/sigil/patches/sigil-publish-&lt;short id&gt;.patch</c> (the git directory: never part of
    /// the working tree). A path inside the working tree is used as asked, but unless git ignores it the untracked patch
    /// makes the tree dirty, so the next publish refuses until it is moved, committed or ignored; the result warns.
    /// </summary>
    public string? PatchPath { get; init; }

    /// <summary>The built assembly for the ABI check, as for verify; null for the project's newest build output.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>How git is run (null for the git on PATH).</summary>
    public GitOptions? Git { get; init; }
}
