namespace Sigil.Cli.Tests.Support;

/// <summary>Runs the built <c>sigil</c> CLI (sigil.dll next to the tests) in a working directory.</summary>
internal static class SigilCli
{
    private static readonly string s_dll = Path.Combine(AppContext.BaseDirectory, "sigil.dll");

    public static CliResult Run(string workingDirectory, params string[] args) =>
        Shell.Run(workingDirectory, "dotnet", [s_dll, .. args], timeoutSeconds: 60);

    /// <summary>Asserts a failed run: the expected exit code and exactly one line on stderr containing the fragment.</summary>
    public static void AssertFails(CliResult result, int exitCode, string fragment)
    {
        Assert.AreEqual(exitCode, result.ExitCode, result.ToString());
        Assert.HasCount(1, result.ErrorLines, result.ToString());
        StringAssert.StartsWith(result.ErrorLines[0], "error: ");
        StringAssert.Contains(result.ErrorLines[0], fragment);
    }
}
