namespace Sigil.Evaluation.Sandbox;

/// <summary>One place for a warm worker in a <see cref="WorkerPool"/>: the worker, or its replacement being started.</summary>
internal sealed class WorkerSlot
{
    /// <summary>The worker, if one is running.</summary>
    public WorkerProcess? Worker { get; set; }

    /// <summary>A replacement started in the background after the last worker was killed (it may fail; then a new one is started).</summary>
    public Task<WorkerProcess>? Replacement { get; set; }

    /// <summary>The context the slot last served, to prepare a replacement with ahead of time.</summary>
    public SandboxContext? LastContext { get; set; }
}
