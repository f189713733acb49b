namespace Sigil.Publishing;

/// <summary>
/// Publishing failed after the new branch was created. The repository was restored (the original branch checked out,
/// the new branch and any patch deleted) unless <see cref="RestoreProblems"/> says otherwise; the message says which.
/// </summary>
public sealed class PublishFailedException : Exception
{
    /// <summary>A failure during <paramref name="step"/>, with what restoring could not undo.</summary>
    public PublishFailedException(string step, string branchName, string originalBranch, Exception innerException, IReadOnlyList<string> restoreProblems)
        : base(Describe(step, branchName, originalBranch, innerException, restoreProblems), innerException)
    {
        Step = step;
        RestoreProblems = restoreProblems;
    }

    /// <summary>What was being done, e.g. "committing".</summary>
    public string Step { get; }

    /// <summary>What could not be restored (empty when the repository is as it was).</summary>
    public IReadOnlyList<string> RestoreProblems { get; }

    private static string Describe(string step, string branch, string original, Exception cause, IReadOnlyList<string> problems) =>
        $"Publishing failed while {step}: {cause.Message} "
        + (problems.Count == 0
            ? $"Nothing was published: '{original}' is checked out again, unchanged, and the branch '{branch}' was deleted."
            : $"Restoring the repository also failed ({string.Join("; ", problems)}). Check `git status`, then run "
              + $"`git checkout -f {original}` and `git branch -D {branch}`, and delete the patch if it was written.");
}
