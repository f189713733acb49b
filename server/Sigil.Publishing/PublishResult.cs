namespace Sigil.Publishing;

/// <summary>What was published: a branch with one commit, ready for review, and its patch.</summary>
/// <param name="BranchName">The new branch.</param>
/// <param name="CommitSha">Its one commit.</param>
/// <param name="PatchPath">The full path of the written <c>.patch</c> (<c>git format-patch</c> of that commit).</param>
/// <param name="ChangedFiles">The files the commit changes, relative to the repository root.</param>
/// <param name="OriginalBranch">The branch that was checked out before, and is again.</param>
public sealed record PublishResult(string BranchName, string CommitSha, string PatchPath, IReadOnlyList<string> ChangedFiles, string OriginalBranch)
{
    /// <summary>What the user should know, e.g. that a patch path they gave leaves an untracked file in the working tree.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
