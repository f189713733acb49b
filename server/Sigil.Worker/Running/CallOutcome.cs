namespace Sigil.Worker.Running;

/// <summary>
/// One timed call: its (completed) output or the exception it threw, its duration in Stopwatch ticks, the bytes it
/// allocated and, when sampled, the thread CPU time it used (else -1).
/// </summary>
internal readonly record struct CallOutcome(object? Output, Exception? Error, long Ticks, long AllocatedBytes, long CpuNs);
