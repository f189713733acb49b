using Sigil.Publishing.Git;
using Sigil.Publishing.Rewriting;

namespace Sigil.Publishing;

/// <summary>
/// The steps that change the repository, in order: create the branch from HEAD, write the files, stage, commit, make
/// the patch, check out the original branch again, write the patch. If any step fails (or is cancelled) the
/// repository is restored: the original branch is force-checked-out (the tree was clean, so only Sigil's writes are
/// discarded), the new branch deleted, and a patch that was being written removed.
/// </summary>
internal sealed class BranchPublication(GitRepository repository, string originalBranch, string branchName, IProgress<string>? progress)
{
    public async Task<PublishResult> RunAsync(
        string head, IReadOnlyList<FileRewrite> files, string message, string patchPath, CancellationToken cancellationToken)
    {
        var step = "creating the branch " + branchName;
        var patchStarted = false;
        try
        {
            progress?.Report($"Creating the branch {branchName} from {originalBranch}");
            await repository.CreateBranchAsync(branchName, head, cancellationToken).ConfigureAwait(false);
            step = "writing the rewritten files";
            foreach (var file in files)
            {
                await File.WriteAllBytesAsync(file.FullPath, file.Content, cancellationToken).ConfigureAwait(false);
            }
            step = "staging the rewritten files";
            await repository.AddAsync(files.Select(f => f.Path), cancellationToken).ConfigureAwait(false);
            step = "committing";
            progress?.Report($"Committing {files.Count} file(s)");
            var commit = await repository.CommitAsync(message, cancellationToken).ConfigureAwait(false);
            step = "making the patch";
            var patch = await repository.FormatPatchAsync(commit, cancellationToken).ConfigureAwait(false);
            step = "checking out " + originalBranch + " again";
            await repository.CheckoutAsync(originalBranch, force: false, cancellationToken).ConfigureAwait(false);
            step = "writing the patch to " + patchPath;
            progress?.Report($"Writing {patchPath}");
            Directory.CreateDirectory(Path.GetDirectoryName(patchPath)!);
            patchStarted = true;
            await File.WriteAllBytesAsync(patchPath, patch, cancellationToken).ConfigureAwait(false);
            return new PublishResult(branchName, commit, patchPath, files.Select(f => f.Path).ToList(), originalBranch);
        }
        catch (Exception e)
        {
            progress?.Report($"Failed while {step}; restoring {originalBranch}");
            var problems = await RestoreAsync(patchStarted ? patchPath : null).ConfigureAwait(false);
            if (e is OperationCanceledException && problems.Count == 0)
            {
                throw;
            }
            throw new PublishFailedException(step, branchName, originalBranch, e, problems);
        }
    }

    private async Task<IReadOnlyList<string>> RestoreAsync(string? patchPath)
    {
        var problems = new List<string>();
        try
        {
            await repository.CheckoutAsync(originalBranch, force: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is GitException or IOException)
        {
            problems.Add($"checking out {originalBranch}: {e.Message}");
        }
        try
        {
            if (await repository.BranchExistsAsync(branchName, CancellationToken.None).ConfigureAwait(false))
            {
                await repository.DeleteBranchAsync(branchName, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is GitException or IOException)
        {
            problems.Add($"deleting the branch {branchName}: {e.Message}");
        }
        try
        {
            if (patchPath is not null && File.Exists(patchPath))
            {
                File.Delete(patchPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"deleting {patchPath}: {e.Message}");
        }
        return problems;
    }
}
