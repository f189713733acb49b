namespace Sigil.Evaluation.Measurement;

/// <summary>Resources one arm used, as the worker measured them; null where not measured.</summary>
/// <param name="AllocatedBytesPerCall">Mean bytes allocated per call (the calling thread's allocation counter).</param>
/// <param name="CpuNsPerCall">Mean CPU time per call, nanoseconds.</param>
/// <param name="PeakMemoryBytes">The worker process's peak working set, bytes.</param>
public sealed record ResourceUsage(double? AllocatedBytesPerCall, double? CpuNsPerCall, long? PeakMemoryBytes);
