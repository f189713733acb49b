using System.Globalization;
using System.Runtime.InteropServices;

namespace Sigil.Worker.Native;

/// <summary>
/// The worker's own resource limits (setrlimit, soft = hard, so candidate code cannot raise them again): no core dumps,
/// a cap on file size (the only writable place in the sandbox is a tmpfs, i.e. memory), and an address-space cap of
/// what the runtime reserved at start-up plus a native allowance. Set after start-up on purpose: the GC reserves its
/// address range at start according to the managed heap limit (DOTNET_GCHeapHardLimit), so a limit applied before would
/// have to guess that reservation (measured here: with a 512 MB heap limit the runtime reserves ≈5 GB of address space
/// unlimited, and scales it down, with less headroom, under a prlimit --as at launch).
/// </summary>
internal static class ResourceLimits
{
    /// <summary>The largest file the worker may write.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Applies the limits; returns the address-space limit set (or null) and notes on what failed.</summary>
    /// <param name="nativeAllowanceBytes">How far the address space may grow beyond the current size; null for no limit.</param>
    public static (long? AddressSpaceLimit, List<string> Notes) Apply(long? nativeAllowanceBytes)
    {
        var notes = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            if (nativeAllowanceBytes is not null) notes.Add("no address-space limit: setrlimit is used on Linux only");
            return (null, notes);
        }

        Set(Libc.RlimitCore, 0, "core dumps", notes);
        Set(Libc.RlimitFsize, MaxFileBytes, "file size", notes);
        if (nativeAllowanceBytes is not { } allowance) return (null, notes);

        var current = CurrentVirtualBytes();
        if (current is null)
        {
            notes.Add("no address-space limit: /proc/self/status has no VmSize");
            return (null, notes);
        }

        var limit = current.Value + allowance;
        return Set(Libc.RlimitAs, limit, "address space", notes) ? (limit, notes) : (null, notes);
    }

    private static bool Set(int resource, long value, string what, List<string> notes)
    {
        var limit = new Libc.Rlimit { Current = (ulong)value, Maximum = (ulong)value };
        try
        {
            if (Libc.SetRlimit(resource, ref limit) == 0) return true;
            notes.Add($"no {what} limit: setrlimit failed (errno {Marshal.GetLastPInvokeError()})");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            notes.Add($"no {what} limit: {e.Message}");
        }

        return false;
    }

    private static long? CurrentVirtualBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("VmSize:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmSize:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }

        return null;
    }
}
