namespace Sigil.Evaluation.Sandbox;

/// <summary>What OS isolation is in force for the workers, and what is not, in words a CLI can print as they are.</summary>
public sealed record IsolationReport
{
    internal IsolationReport(IsolationKind kind, string summary, string? hint, string? tool, IReadOnlyList<string> toolArguments)
    {
        Kind = kind;
        Summary = summary;
        Hint = hint;
        Tool = tool;
        ToolArguments = toolArguments;
    }

    /// <summary>The isolation in force.</summary>
    public IsolationKind Kind { get; }

    /// <summary>Whether candidates have no network (a network namespace of their own with nothing in it).</summary>
    public bool NoNetwork => Kind is IsolationKind.NetworkNamespace or IsolationKind.Bubblewrap;

    /// <summary>Whether the file system is read-only and only .NET, the worker and the app's build output are visible (no home, no <c>.sigil/</c>).</summary>
    public bool FileSystemIsolated => Kind == IsolationKind.Bubblewrap;

    /// <summary>
    /// One line for users, e.g. "isolation: bubblewrap (no network, read-only file system, …)" or
    /// "isolation: none — bubblewrap not found; install it with apt-get install bubblewrap".
    /// </summary>
    public string Summary { get; }

    /// <summary>What to do to get full isolation, when it is missing.</summary>
    public string? Hint { get; }

    /// <summary>The isolating program's path (bwrap, unshare), if any.</summary>
    internal string? Tool { get; }

    /// <summary>Arguments that go before the isolation-specific ones (<c>--map-root-user</c> for an unprivileged unshare).</summary>
    internal IReadOnlyList<string> ToolArguments { get; }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
