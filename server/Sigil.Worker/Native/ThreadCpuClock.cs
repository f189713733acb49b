namespace Sigil.Worker.Native;

/// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), where the OS tells it.</summary>
internal static class ThreadCpuClock
{
    /// <summary>Whether <see cref="NowNs"/> measures anything here.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>The calling thread's CPU time in nanoseconds (0 when unavailable).</summary>
    public static long NowNs()
    {
        if (!IsAvailable) return 0;
        Libc.ClockGetTime(Libc.ClockThreadCpuTimeId, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Libc.ClockGetTime(Libc.ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
