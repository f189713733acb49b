namespace Sigil.Cli.Tests.Support;

/// <summary>What one run of <c>sigil</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
