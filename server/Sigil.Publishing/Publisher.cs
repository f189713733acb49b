using Sigil.Publishing.Git;
using Sigil.Publishing.Rewriting;

namespace Sigil.Publishing;

/// <summary>
/// Publishes approved candidates: rewrites each pinned method in the source (see <see cref="MethodRewriter"/>) on a
/// new git branch, in one commit whose message carries the evidence, writes the commit as a <c>.patch</c> (by default
/// under <c>.git/sigil/patches/</c>, never in the working tree: see <see cref="PublishRequest.PatchPath"/>), and checks
/// the original branch out again, so the user's working tree is as before and the branch is ready for review.
/// Everything that can be checked is checked before anything is touched — a clean tree, a new branch name, a free
/// patch path, and every rewrite computed in memory — and a failure there is a <see cref="PublishRefusedException"/>
/// that changed nothing. A failure after the branch exists restores the repository (<see cref="PublishFailedException"/>).
/// Used by the CLI and the language server; reports progress, never writes to the console.
/// </summary>
public sealed class Publisher
{
    private const int MaxListedPaths = 10;

    private readonly GitOptions _git;

    /// <summary>A publisher running git as <paramref name="git"/> says (<see cref="GitOptions.Default"/> when null).</summary>
    public Publisher(GitOptions? git = null)
    {
        _git = git ?? GitOptions.Default;
    }

    /// <summary>Publishes the request; see the class summary for what is checked and done.</summary>
    /// <exception cref="ArgumentException">The request lacks a required value.</exception>
    /// <exception cref="PublishRefusedException">Nothing was changed; <see cref="PublishRefusedException.Reason"/> says why.</exception>
    /// <exception cref="PublishFailedException">A step after creating the branch failed; the repository was restored.</exception>
    /// <exception cref="GitException">Git failed while checking the repository (nothing was changed).</exception>
    public async Task<PublishResult> PublishAsync(PublishRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        progress?.Report("Checking the repository");
        var repository = await OpenAsync(request.RepositoryFolder, cancellationToken).ConfigureAwait(false);
        var original = await repository.GetCurrentBranchAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new PublishRefusedException(RefusalReasons.DetachedHead,
                $"HEAD is detached in '{repository.Root}', so there is no branch to return to; check out the branch to publish from (git switch NAME).");
        var head = await repository.GetHeadCommitAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new PublishRefusedException(RefusalReasons.NoCommits,
                $"The branch '{original}' has no commit yet; commit the sources first.");
        await CheckCleanAsync(repository, cancellationToken).ConfigureAwait(false);
        await CheckBranchAsync(repository, request.BranchName, cancellationToken).ConfigureAwait(false);
        var gitDirectory = await repository.GetCommonDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var patchPath = request.PatchPath is null
            ? Path.Combine(PublishRequest.PatchDirectory(gitDirectory), PublishRequest.DefaultPatchFileName(request.BranchName))
            : Path.GetFullPath(Path.Combine(request.RepositoryFolder, request.PatchPath));
        if (File.Exists(patchPath) || Directory.Exists(patchPath))
        {
            throw new PublishRefusedException(RefusalReasons.PatchExists,
                $"'{patchPath}' exists already; delete it or choose another patch path.");
        }
        var warnings = new List<string>();
        if (await LeavesTheTreeDirtyAsync(repository, gitDirectory, patchPath, cancellationToken).ConfigureAwait(false))
        {
            warnings.Add($"The patch '{patchPath}' is inside the working tree and git does not ignore it, so the tree now has an untracked file "
                + $"and the next publish will refuse until it is moved, committed or ignored. Give no patch path to write it under {PublishRequest.PatchDirectory(gitDirectory)}.");
        }

        progress?.Report($"Rewriting {request.Pins.Count} pinned method(s)");
        var files = await RewritePlanner.PlanAsync(repository, request.Pins, request.ParseOptions, cancellationToken).ConfigureAwait(false);
        var message = CommitMessage.Build(request.Title, request.Body, request.Pins);
        cancellationToken.ThrowIfCancellationRequested();

        var publication = new BranchPublication(repository, original, request.BranchName, progress);
        var result = await publication.RunAsync(head, files, message, patchPath, cancellationToken).ConfigureAwait(false);
        progress?.Report($"Published {result.BranchName} ({result.CommitSha[..12]}); {original} is checked out");
        return result with { Warnings = warnings };
    }

    /// <summary>True when a new file at <paramref name="patchPath"/> would show in <c>git status</c>: inside the working tree, outside the git directory, not ignored.</summary>
    private static async Task<bool> LeavesTheTreeDirtyAsync(GitRepository repository, string gitDirectory, string patchPath, CancellationToken cancellationToken)
    {
        if (!IsInside(repository.Root, patchPath) || IsInside(gitDirectory, patchPath))
        {
            return false;
        }
        var relative = Path.GetRelativePath(repository.Root, patchPath).Replace(Path.DirectorySeparatorChar, '/');
        return !await repository.IsIgnoredAsync(relative, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsInside(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private async Task<GitRepository> OpenAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await GitRepository.TryOpenAsync(folder, _git, cancellationToken).ConfigureAwait(false)
                ?? throw new PublishRefusedException(RefusalReasons.NotARepository,
                    $"'{Path.GetFullPath(folder)}' is not inside a git repository. Publishing makes a branch and a commit: "
                    + "run it from the project's git working tree (or `git init` and commit the sources first).");
        }
        catch (DirectoryNotFoundException e)
        {
            throw new PublishRefusedException(RefusalReasons.NotARepository, e.Message, e);
        }
    }

    private static async Task CheckCleanAsync(GitRepository repository, CancellationToken cancellationToken)
    {
        var dirty = await repository.GetDirtyPathsAsync(cancellationToken).ConfigureAwait(false);
        if (dirty.Count > 0)
        {
            var listed = string.Join(", ", dirty.Take(MaxListedPaths)) + (dirty.Count > MaxListedPaths ? $" and {dirty.Count - MaxListedPaths} more" : "");
            throw new PublishRefusedException(RefusalReasons.DirtyTree,
                $"The working tree of '{repository.Root}' has uncommitted changes ({listed}); commit or stash them (untracked files too), then publish again.");
        }
    }

    private static async Task CheckBranchAsync(GitRepository repository, string branch, CancellationToken cancellationToken)
    {
        if (!await repository.IsValidBranchNameAsync(branch, cancellationToken).ConfigureAwait(false))
        {
            throw new PublishRefusedException(RefusalReasons.InvalidBranchName,
                $"'{branch}' is not a valid git branch name; choose one like {PublishRequest.BranchPrefix}1a2b3c4d5e6f.");
        }
        if (await repository.BranchExistsAsync(branch, cancellationToken).ConfigureAwait(false))
        {
            throw new PublishRefusedException(RefusalReasons.BranchExists,
                $"The branch '{branch}' exists already; delete it (git branch -D {branch}) if it is an old publication, or choose another name.");
        }
    }
}
