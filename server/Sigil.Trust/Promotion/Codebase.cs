using Sigil.Core.Identity;
using Sigil.Manifests.Model;
using Sigil.Publishing.Git;
using Sigil.Trust.Git;

namespace Sigil.Trust.Promotion;

/// <summary>What promotion records about the code and its author: the repository, its HEAD, and who promotes.</summary>
internal static class Codebase
{
    /// <summary>
    /// <c>{repo: remote URL or folder name, commit: HEAD}</c>. Outside a git repository (or before the first commit) the
    /// commit is 40 zeros and a warning says so; uncommitted changes are warned about too.
    /// </summary>
    public static async Task<ManifestCodebase> ReadAsync(string projectDirectory, GitOptions? options, List<string> warnings, CancellationToken ct)
    {
        var git = new GitCli(options);
        var root = await git.RootAsync(projectDirectory, ct).ConfigureAwait(false);
        if (root is null)
        {
            warnings.Add($"{projectDirectory} is not in a git repository, so the manifest names commit {FunctionId.NoCommit}; 'sigil publish' will read the baseline from the working tree. Commit the project to pin the code.");
            return new ManifestCodebase(new DirectoryInfo(projectDirectory).Name, FunctionId.NoCommit);
        }
        var repo = await git.RemoteUrlAsync(root, ct).ConfigureAwait(false) ?? new DirectoryInfo(root).Name;
        var head = await git.HeadAsync(root, ct).ConfigureAwait(false);
        if (head is null)
        {
            warnings.Add($"The repository {root} has no commit yet, so the manifest names commit {FunctionId.NoCommit}; commit the sources first to pin the code.");
            return new ManifestCodebase(repo, FunctionId.NoCommit);
        }
        if (await git.IsDirtyAsync(root, ct).ConfigureAwait(false))
        {
            warnings.Add($"The working tree of {root} has uncommitted changes; the manifest names HEAD {head[..12]}, and 'sigil publish' rebuilds candidates from that commit.");
        }
        return new ManifestCodebase(repo, head);
    }

    /// <summary>The given author, else <c>git config user.email</c> in the project, else the user name.</summary>
    public static async Task<string> AuthorAsync(string? given, string projectDirectory, GitOptions? options, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }
        var email = await new GitCli(options).ConfigAsync(projectDirectory, "user.email", ct).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(email) ? Environment.UserName : email;
    }
}
