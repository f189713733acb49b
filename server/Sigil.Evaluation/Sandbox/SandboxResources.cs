namespace Sigil.Evaluation.Sandbox;

/// <summary>What the candidate's timed calls cost beyond time.</summary>
/// <param name="AllocatedBytes">Bytes the candidate's timed calls allocated (on the calling thread).</param>
/// <param name="CpuTime">CPU time of the calling thread during the candidate's timed calls (read around one call in 16 and scaled to all of them); null where the OS does not tell.</param>
/// <param name="PeakWorkingSetBytes">The worker's peak working set (over its life, baseline included).</param>
public sealed record SandboxResources(long AllocatedBytes, TimeSpan? CpuTime, long PeakWorkingSetBytes);
