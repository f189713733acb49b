namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>What the worker reports when it is ready: who it is and which of its own protections took effect.</summary>
internal sealed class WorkerHello
{
    /// <summary>The worker's process id as it sees it (1 or 2 inside a PID namespace).</summary>
    public int ProcessId { get; init; }

    /// <summary>The .NET runtime version.</summary>
    public string Runtime { get; init; } = "";

    /// <summary>Whether starting programs (execve) is blocked by a seccomp filter.</summary>
    public bool ExecBlocked { get; init; }

    /// <summary>The address-space limit set on the worker (RLIMIT_AS), in bytes; null when none.</summary>
    public long? AddressSpaceLimitBytes { get; init; }

    /// <summary>Whether the protocol streams were moved off file descriptors 0 and 1 (so native writes to stdout cannot corrupt them).</summary>
    public bool StdioGuarded { get; init; }

    /// <summary>Protections that were asked for and could not be applied, with the reason.</summary>
    public List<string> Notes { get; init; } = [];
}
