namespace Sigil.Publishing.Git;

/// <summary>A git command failed, or git could not be started; the message names the command and what git said.</summary>
public sealed class GitException : Exception
{
    /// <summary>A failed command.</summary>
    /// <param name="command">The command line, e.g. <c>git checkout -q main --</c>.</param>
    /// <param name="exitCode">Git's exit code.</param>
    /// <param name="standardError">What git wrote to standard error.</param>
    /// <param name="workingDirectory">Where it ran.</param>
    public GitException(string command, int exitCode, string standardError, string workingDirectory)
        : base($"`{command}` failed with exit code {exitCode} in '{workingDirectory}': "
            + (string.IsNullOrWhiteSpace(standardError) ? "git printed no error." : standardError.Trim()))
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>Git could not be run at all.</summary>
    public GitException(string command, string message, Exception innerException)
        : base(message, innerException)
    {
        Command = command;
        ExitCode = -1;
        StandardError = string.Empty;
    }

    /// <summary>The command line that failed.</summary>
    public string Command { get; }

    /// <summary>Git's exit code (-1 when git did not start).</summary>
    public int ExitCode { get; }

    /// <summary>What git wrote to standard error.</summary>
    public string StandardError { get; }
}
