using System.Diagnostics;

namespace Sigil.Cli.Tests.Support;

/// <summary>Runs a command (dotnet, git...) to completion, for tests that drive real tools.</summary>
internal static class Shell
{
    public static CliResult Run(string workingDirectory, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', args)} did not finish within {timeoutSeconds} s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The repository root (the folder holding Sigil.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigil.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Sigil.sln not found above " + AppContext.BaseDirectory);
    }
}
