using System.Runtime.InteropServices;

namespace Sigil.Runtime.Tracking;

/// <summary>CPU time of the calling thread (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)); -1 where unavailable.</summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;
    private static readonly bool s_available = OperatingSystem.IsLinux() && Probe();

    public static long NowNanoseconds()
    {
        if (!s_available || clock_gettime(ClockThreadCpuTimeId, out var ts) != 0)
        {
            return -1;
        }
        return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
