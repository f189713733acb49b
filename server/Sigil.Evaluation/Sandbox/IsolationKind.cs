namespace Sigil.Evaluation.Sandbox;

/// <summary>Which OS isolation the workers run under.</summary>
public enum IsolationKind
{
    /// <summary>None: a plain child process.</summary>
    None,

    /// <summary><c>unshare --net</c>: no network; the file system is not isolated.</summary>
    NetworkNamespace,

    /// <summary>Bubblewrap: no network, read-only file system, only .NET, the worker and the app visible, a private /tmp, own PID namespace.</summary>
    Bubblewrap,
}
