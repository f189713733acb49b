namespace Sigil.Trust.Publication;

/// <summary>A published manifest: a branch with one commit rewriting the pinned methods, and its patch.</summary>
/// <param name="ManifestId">The manifest published.</param>
/// <param name="BranchName">The new branch.</param>
/// <param name="CommitSha">Its one commit.</param>
/// <param name="PatchPath">The full path of the written <c>.patch</c>.</param>
/// <param name="ChangedFiles">The files the commit changes, relative to the repository root.</param>
/// <param name="OriginalBranch">The branch checked out before, and again now.</param>
/// <param name="Warnings">What the user should know (for example that the baseline came from the working tree).</param>
public sealed record PublishManifestResult(
    string ManifestId,
    string BranchName,
    string CommitSha,
    string PatchPath,
    IReadOnlyList<string> ChangedFiles,
    string OriginalBranch,
    IReadOnlyList<string> Warnings);
