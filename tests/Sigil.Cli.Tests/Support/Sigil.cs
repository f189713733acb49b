using System.Diagnostics;

namespace Sigil.Cli.Tests.Support;

/// <summary>Runs the built <c>sigil</c> CLI (sigil.dll next to the tests) in a working directory.</summary>
internal static class SigilCli
{
    private static readonly string s_dll = Path.Combine(AppContext.BaseDirectory, "sigil.dll");

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(s_dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"sigil {string.Join(' ', args)} did not finish within 60 s");
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Asserts a failed run: the expected exit code and exactly one line on stderr containing the fragment.</summary>
    public static void AssertFails(CliResult result, int exitCode, string fragment)
    {
        Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
        Assert.HasCount(1, result.ErrorLines, result.ToString());
        StringAssert.StartsWith(result.ErrorLines[0], "error: ");
        StringAssert.Contains(result.ErrorLines[0], fragment);
    }
}
