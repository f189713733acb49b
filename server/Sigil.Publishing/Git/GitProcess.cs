using System.ComponentModel;
using System.Diagnostics;

namespace Sigil.Publishing.Git;

/// <summary>
/// Runs the real git with an argument list (no shell), in a fixed environment: <c>LC_ALL=C</c> so messages can be
/// recognised, no terminal prompts, literal pathspecs, no variables that point git at another repository, and a
/// standard input of its own (the given bytes, or none), so git never reads the user's terminal.
/// </summary>
internal sealed class GitProcess
{
    private static readonly string[] Removed =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX",
    ];

    private readonly GitOptions _options;

    public GitProcess(GitOptions options)
    {
        _options = options;
    }

    /// <summary>Runs git and returns whatever it exited with.</summary>
    /// <exception cref="GitException">Git could not be started.</exception>
    public async Task<GitResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, byte[]? input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(_options.Executable)
        {
            WorkingDirectory = workingDirectory,
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
            throw new GitException(Describe(arguments),
                $"git could not be started ('{_options.Executable}': {e.Message}). Install git and put it on PATH.", e);
        }
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await WriteInputAsync(process, input, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await reading.ConfigureAwait(false);
        return new GitResult(process.ExitCode, output.ToArray(), await error.ConfigureAwait(false));
    }

    /// <summary>The command line as a user would type it (for messages).</summary>
    public static string Describe(IReadOnlyList<string> arguments) =>
        "git " + string.Join(" ", arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    private void Configure(IDictionary<string, string?> environment)
    {
        foreach (var name in Removed)
        {
            environment.Remove(name);
        }
        environment["LC_ALL"] = "C";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_LITERAL_PATHSPECS"] = "1";
        environment["GIT_EDITOR"] = "true";
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

    private static async Task WriteInputAsync(Process process, byte[]? input, CancellationToken cancellationToken)
    {
        var stream = process.StandardInput.BaseStream;
        try
        {
            if (input is not null)
            {
                await stream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // git exited without reading its input; its exit code says why.
        }
    }
}
