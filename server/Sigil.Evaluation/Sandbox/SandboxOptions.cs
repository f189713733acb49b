namespace Sigil.Evaluation.Sandbox;

/// <summary>How a <see cref="WorkerPool"/> runs candidates: limits, isolation, where the worker is and how many to keep warm.</summary>
public sealed record SandboxOptions
{
    /// <summary>The most one evaluation may take, from sending the candidate to receiving its measurements (default 30 s). A job may override it.</summary>
    public TimeSpan WallTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most starting a worker and preparing a context (loading the baseline, reading the samples) may take (default 30 s).</summary>
    public TimeSpan StartTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The worker's managed heap limit (<c>DOTNET_GCHeapHardLimit</c>), default 512 MiB. Beyond it, allocations throw OutOfMemoryException.</summary>
    public long HeapLimitBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// How far the worker's address space may grow beyond what the runtime reserved at start-up (RLIMIT_AS, set by the
    /// worker itself on Linux), default 1 GiB: caps native allocations, which the heap limit does not see. Null: no cap.
    /// </summary>
    public long? NativeMemoryLimitBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>How much OS isolation to insist on (default <see cref="IsolationMode.Auto"/>).</summary>
    public IsolationMode Isolation { get; init; } = IsolationMode.Auto;

    /// <summary>Whether the worker blocks starting programs (a seccomp filter on execve, Linux x64/arm64), default true.</summary>
    public bool BlockProcessStart { get; init; } = true;

    /// <summary>The worker's Sigil.Worker.dll; null: the one next to the Sigil.Evaluation assembly.</summary>
    public string? WorkerPath { get; init; }

    /// <summary>The <c>dotnet</c> executable that runs the worker; null: this process's own .NET host (see <see cref="WorkerPool"/>).</summary>
    public string? DotnetPath { get; init; }

    /// <summary>How many workers to keep warm, i.e. how many evaluations may run at once (default 1: timings are cleanest alone).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>
    /// The most per-call latencies kept per side of one evaluation (default 10,000, an even stride beyond: ample for a
    /// p99, and the report crosses the pipe as JSON, where 60,000 latencies cost more than the calls they time).
    /// </summary>
    public int MaxLatencies { get; init; } = 10_000;

    /// <summary>The most characters of a candidate's console output kept (default 4,096).</summary>
    public int MaxCapturedOutputChars { get; init; } = 4096;
}
