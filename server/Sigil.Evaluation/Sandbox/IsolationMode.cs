namespace Sigil.Evaluation.Sandbox;

/// <summary>How much OS isolation the sandbox insists on (<see cref="SandboxOptions.Isolation"/>).</summary>
public enum IsolationMode
{
    /// <summary>The best the machine offers (bubblewrap, else a network namespace, else none), said plainly in <see cref="WorkerPool.Isolation"/>.</summary>
    Auto,

    /// <summary>Bubblewrap or nothing: without it the pool refuses to start (<see cref="SandboxUnavailableException"/>).</summary>
    Required,

    /// <summary>No OS isolation: the worker runs as a plain child process (limits, clean environment and API policy still apply).</summary>
    Off,
}
