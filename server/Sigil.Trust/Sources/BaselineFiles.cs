using Sigil.Trust.Git;

namespace Sigil.Trust.Sources;

/// <summary>
/// The baseline source files candidates are rebuilt from: as they are at a commit (<c>git show COMMIT:PATH</c>), or in
/// the working tree when there is no usable commit. Paths are relative to the source root (the .csproj's folder, where
/// candidates' diff paths start); git paths are relative to the repository root: the source root's git prefix
/// (<c>git rev-parse --show-prefix</c>, right even when the temp or home folder is a symbolic link) and the path.
/// </summary>
internal sealed class BaselineFiles(GitCli git, string repositoryRoot, string sourceRoot, string sourcePrefix, string? commit)
{
    /// <summary>What the baseline is, for messages: <c>commit 0123456789ab</c> or <c>the working tree</c>.</summary>
    public string Name => commit is null ? "the working tree" : $"commit {commit[..Math.Min(12, commit.Length)]}";

    /// <summary>The path of a source file relative to the repository root, with <c>/</c> separators.</summary>
    public string RepositoryPath(string sourcePath) => sourcePrefix + sourcePath.Replace('\\', '/');

    /// <summary>The baseline text of a source file, or null when it does not exist there.</summary>
    public async Task<string?> ReadAsync(string sourcePath, CancellationToken ct)
    {
        if (commit is not null)
        {
            return await git.ShowAsync(repositoryRoot, commit, RepositoryPath(sourcePath), ct).ConfigureAwait(false);
        }
        var full = Path.Combine(sourceRoot, sourcePath);
        return File.Exists(full) ? await File.ReadAllTextAsync(full, ct).ConfigureAwait(false) : null;
    }
}
