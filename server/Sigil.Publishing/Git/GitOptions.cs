namespace Sigil.Publishing.Git;

/// <summary>How Sigil runs git: the executable and extra environment variables (for example an isolated
/// <c>GIT_CONFIG_GLOBAL</c>). Whatever is set here, git always runs with <c>LC_ALL=C</c>, <c>GIT_TERMINAL_PROMPT=0</c>,
/// literal pathspecs and its own standard input.</summary>
public sealed record GitOptions
{
    /// <summary>The <c>git</c> found on PATH, with the process environment.</summary>
    public static GitOptions Default { get; } = new();

    /// <summary>The git executable: a name looked up on PATH or a full path.</summary>
    public string Executable { get; init; } = "git";

    /// <summary>Variables added to (or, when the value is null, removed from) git's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
