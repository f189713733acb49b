using System.Text;

namespace Sigil.Publishing.Git;

/// <summary>
/// A git working tree, driven through the real <c>git</c> command line (see <see cref="GitOptions"/>). Every failed
/// command is a <see cref="GitException"/> carrying the command, exit code and git's message. Paths are relative to
/// <see cref="Root"/>, with forward slashes.
/// </summary>
public sealed class GitRepository
{
    /// <summary>The committer name used when the repository configures none.</summary>
    public const string FallbackName = "Sigil";

    /// <summary>The committer e-mail used when the repository configures none.</summary>
    public const string FallbackEmail = "sigil@localhost";

    private readonly GitProcess _git;

    private GitRepository(string root, GitProcess git)
    {
        Root = root;
        _git = git;
    }

    /// <summary>The top folder of the working tree.</summary>
    public string Root { get; }

    /// <summary>The repository whose working tree holds <paramref name="folder"/>, or null when there is none.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="GitException">Git failed for another reason (for example a repository git refuses to trust).</exception>
    public static async Task<GitRepository?> TryOpenAsync(string folder, GitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The folder '{full}' does not exist; give the folder of a git working tree.");
        }
        var git = new GitProcess(options ?? GitOptions.Default);
        string[] arguments = ["rev-parse", "--show-toplevel"];
        var result = await git.RunAsync(full, arguments, null, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && result.Error.Contains("not a git repository", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        Check(result, arguments, full);
        return new GitRepository(Path.GetFullPath(result.Line), git);
    }

    /// <summary>The checked-out branch's short name, or null when HEAD is detached.</summary>
    public async Task<string?> GetCurrentBranchAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken, allowed: 1).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Line : null;
    }

    /// <summary>The full sha of the HEAD commit, or null when the branch has no commit yet.</summary>
    public async Task<string?> GetHeadCommitAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cancellationToken, allowed: 1).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.Line : null;
    }

    /// <summary>Paths with staged, unstaged or untracked changes (ignored files do not count), as git status lists them.</summary>
    public async Task<IReadOnlyList<string>> GetDirtyPathsAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["status", "--porcelain=v1", "-z", "--untracked-files=all"], cancellationToken).ConfigureAwait(false);
        var entries = result.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var paths = new List<string>();
        for (var i = 0; i < entries.Length; i++)
        {
            paths.Add(entries[i][3..]);
            if (entries[i][0] is 'R' or 'C')
            {
                i++; // the source of a rename or copy follows as its own entry
            }
        }
        return paths;
    }

    /// <summary>True when nothing is staged, modified or untracked (ignored files do not count).</summary>
    public async Task<bool> IsCleanAsync(CancellationToken cancellationToken = default) =>
        (await GetDirtyPathsAsync(cancellationToken).ConfigureAwait(false)).Count == 0;

    /// <summary>Those of <paramref name="paths"/> that git tracks.</summary>
    public async Task<IReadOnlySet<string>> GetTrackedAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["ls-files", "-z", "--", .. paths], cancellationToken).ConfigureAwait(false);
        return result.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The repository's git directory shared by all its working trees (<c>git rev-parse --git-common-dir</c>, usually
    /// <c>&lt;root&gt;/.git</c>), as a full path. Nothing in it is ever part of the working tree.
    /// </summary>
    public async Task<string> GetCommonDirectoryAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(["rev-parse", "--git-common-dir"], cancellationToken).ConfigureAwait(false);
        return Path.GetFullPath(result.Line, Root);
    }

    /// <summary>True when git ignores <paramref name="path"/> (relative to <see cref="Root"/>, or full): an untracked file there would not make the tree dirty.</summary>
    public async Task<bool> IsIgnoredAsync(string path, CancellationToken cancellationToken = default)
    {
        // check-ignore refuses the literal-pathspec mode GitProcess sets for every other command.
        var result = await RunAsync(["--no-literal-pathspecs", "check-ignore", "-q", "--", path], cancellationToken, allowed: 1).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>True when <paramref name="name"/> is a valid name for a new branch.</summary>
    public async Task<bool> IsValidBranchNameAsync(string name, CancellationToken cancellationToken = default)
    {
        if (name.Length == 0 || name.StartsWith('-') || name == "HEAD")
        {
            return false; // valid ref names, but git refuses them as branch names
        }
        var result = await RunAsync(["check-ref-format", "refs/heads/" + name], cancellationToken, allowed: 1).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    /// <summary>True when a local branch of that name exists.</summary>
    public async Task<bool> BranchExistsAsync(string name, CancellationToken cancellationToken = default) =>
        (await RunAsync(["show-ref", "--verify", "--quiet", "refs/heads/" + name], cancellationToken, allowed: 1).ConfigureAwait(false)).ExitCode == 0;

    /// <summary>Creates the branch at <paramref name="startPoint"/> and checks it out.</summary>
    public Task CreateBranchAsync(string name, string startPoint, CancellationToken cancellationToken = default) =>
        RunAsync(["checkout", "-q", "-b", name, startPoint], cancellationToken);

    /// <summary>Checks out a branch; <paramref name="force"/> discards changes to tracked files.</summary>
    public Task CheckoutAsync(string branch, bool force = false, CancellationToken cancellationToken = default) =>
        RunAsync(force ? ["checkout", "-q", "-f", branch, "--"] : ["checkout", "-q", branch, "--"], cancellationToken);

    /// <summary>Deletes a local branch, merged or not.</summary>
    public Task DeleteBranchAsync(string name, CancellationToken cancellationToken = default) =>
        RunAsync(["branch", "-q", "-D", name], cancellationToken);

    /// <summary>Stages the given files.</summary>
    public Task AddAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        RunAsync(["add", "--", .. paths], cancellationToken);

    /// <summary>
    /// Commits what is staged with exactly this message (lines starting with <c>#</c> are kept) and returns the new
    /// commit's sha. Uses the configured identity; only a missing <c>user.name</c> / <c>user.email</c> falls back to
    /// <see cref="FallbackName"/> / <see cref="FallbackEmail"/>.
    /// </summary>
    public async Task<string> CommitAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var arguments = new List<string>();
        if (!await HasConfigAsync("user.name", cancellationToken).ConfigureAwait(false))
        {
            arguments.AddRange(["-c", "user.name=" + FallbackName]);
        }
        if (!await HasConfigAsync("user.email", cancellationToken).ConfigureAwait(false))
        {
            arguments.AddRange(["-c", "user.email=" + FallbackEmail]);
        }
        arguments.AddRange(["commit", "--quiet", "--cleanup=whitespace", "--file=-"]);
        await RunAsync(arguments, cancellationToken, input: Encoding.UTF8.GetBytes(message)).ConfigureAwait(false);
        return (await GetHeadCommitAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The commit as an mbox patch (<c>git format-patch -1 --stdout --binary</c>), byte for byte.</summary>
    public async Task<byte[]> FormatPatchAsync(string commit, CancellationToken cancellationToken = default) =>
        (await RunAsync(["format-patch", "-1", "--stdout", "--binary", commit], cancellationToken).ConfigureAwait(false)).Output;

    private async Task<bool> HasConfigAsync(string key, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["config", "--get", key], cancellationToken, allowed: 1).ConfigureAwait(false);
        return result.ExitCode == 0 && result.Line.Trim().Length > 0;
    }

    private async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, int allowed = 0, byte[]? input = null)
    {
        var result = await _git.RunAsync(Root, arguments, input, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != allowed)
        {
            Check(result, arguments, Root);
        }
        return result;
    }

    private static void Check(GitResult result, IReadOnlyList<string> arguments, string workingDirectory)
    {
        if (result.ExitCode != 0)
        {
            throw new GitException(GitProcess.Describe(arguments), result.ExitCode, result.Error, workingDirectory);
        }
    }
}
