using System.Text;
using Sigil.Publishing.Git;

namespace Sigil.Trust.Git;

/// <summary>
/// The few read-only git questions the trust services ask (HEAD, remote, identity, a file at a commit), run through
/// publishing's <see cref="GitProcess"/> (same executable, environment and no-prompt rules). Never changes a repository.
/// </summary>
internal sealed class GitCli(GitOptions? options)
{
    private readonly GitProcess _git = new(options ?? GitOptions.Default);

    /// <summary>The top folder of the working tree holding <paramref name="folder"/>, or null when it is not in one.</summary>
    public async Task<string?> RootAsync(string folder, CancellationToken ct) =>
        await LineAsync(folder, ct, "rev-parse", "--show-toplevel").ConfigureAwait(false) is { Length: > 0 } root ? Path.GetFullPath(root) : null;

    /// <summary>The path of <paramref name="folder"/> relative to its working tree's root, <c>/</c>-separated with a trailing <c>/</c> (empty at the root).</summary>
    public async Task<string> PrefixAsync(string folder, CancellationToken ct) =>
        await LineAsync(folder, ct, "rev-parse", "--show-prefix").ConfigureAwait(false) ?? string.Empty;

    /// <summary>The full sha of HEAD, or null when there is no commit (or no repository).</summary>
    public Task<string?> HeadAsync(string folder, CancellationToken ct) =>
        LineAsync(folder, ct, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");

    /// <summary>The URL of <c>origin</c> (else of the first remote), or null when there is none.</summary>
    public async Task<string?> RemoteUrlAsync(string folder, CancellationToken ct)
    {
        if (await LineAsync(folder, ct, "remote", "get-url", "origin").ConfigureAwait(false) is { Length: > 0 } origin)
        {
            return origin;
        }
        var remotes = await LineAsync(folder, ct, "remote").ConfigureAwait(false);
        var first = remotes?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? null : await LineAsync(folder, ct, "remote", "get-url", first).ConfigureAwait(false);
    }

    /// <summary>A configuration value, or null when unset.</summary>
    public Task<string?> ConfigAsync(string folder, string key, CancellationToken ct) => LineAsync(folder, ct, "config", "--get", key);

    /// <summary>True when <paramref name="commit"/> names a commit of the repository.</summary>
    public async Task<bool> CommitExistsAsync(string folder, string commit, CancellationToken ct) =>
        (await RunAsync(folder, ["cat-file", "-e", commit + "^{commit}"], ct).ConfigureAwait(false)).ExitCode == 0;

    /// <summary>The text of <paramref name="path"/> (relative to the root, <c>/</c> separators) at <paramref name="commit"/>, or null when absent.</summary>
    public async Task<string?> ShowAsync(string root, string commit, string path, CancellationToken ct)
    {
        var result = await RunAsync(root, ["show", $"{commit}:{path}"], ct).ConfigureAwait(false);
        return result.ExitCode == 0 ? Decode(result.Output) : null;
    }

    /// <summary>True when files are modified, staged or untracked.</summary>
    public async Task<bool> IsDirtyAsync(string folder, CancellationToken ct) =>
        (await LineAsync(folder, ct, "status", "--porcelain", "--untracked-files=normal").ConfigureAwait(false)) is { Length: > 0 };

    private async Task<string?> LineAsync(string folder, CancellationToken ct, params string[] arguments)
    {
        var result = await RunAsync(folder, arguments, ct).ConfigureAwait(false);
        return result.ExitCode == 0 ? Encoding.UTF8.GetString(result.Output).TrimEnd('\r', '\n').Trim() : null;
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private async Task<(int ExitCode, byte[] Output)> RunAsync(string folder, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            return (-1, []);
        }
        var result = await _git.RunAsync(folder, arguments, null, ct).ConfigureAwait(false);
        return (result.ExitCode, result.Output);
    }
}
