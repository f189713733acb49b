using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Sigil.Publishing.Git;

namespace Sigil.Trust.Git;

/// <summary>
/// The few read-only git questions the trust services ask (HEAD, remote, identity, a file at a commit), through the real
/// git with an argument list, <c>LC_ALL=C</c>, no prompts and its own empty standard input; the executable and extra
/// environment come from <see cref="GitOptions"/> as for publishing. Never changes a repository.
/// </summary>
internal sealed class GitCli(GitOptions? options)
{
    private static readonly string[] Removed =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR"];

    private readonly GitOptions _options = options ?? GitOptions.Default;

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
        var start = new ProcessStartInfo(_options.Executable)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Configure(start.Environment);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new GitException("git " + string.Join(' ', arguments), $"git could not be started ('{_options.Executable}': {e.Message}). Install git and put it on PATH.", e);
        }
        process.StandardInput.Close();
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await reading.ConfigureAwait(false);
        await error.ConfigureAwait(false);
        return (process.ExitCode, output.ToArray());
    }

    private void Configure(IDictionary<string, string?> environment)
    {
        foreach (var name in Removed)
        {
            environment.Remove(name);
        }
        environment["LC_ALL"] = "C";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_PAGER"] = "cat";
        foreach (var (name, value) in _options.Environment)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }
    }
}
