using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sigil.Worker.Native;

/// <summary>
/// Takes the process's real stdin/stdout for the protocol before any candidate code runs. On Linux the two pipes are
/// moved to new, close-on-exec descriptors and descriptors 0 and 1 are pointed at /dev/null and stderr, so that even
/// native writes to stdout (or <c>Console.OpenStandardOutput</c>) end up in the host's stderr capture instead of the
/// protocol. Elsewhere the standard streams are used as they are (Console.Out/Error are still redirected by the caller).
/// </summary>
internal static class StdioGuard
{
    /// <summary>The protocol's input and output streams, and whether they were moved off descriptors 0 and 1.</summary>
    public static (Stream Input, Stream Output, bool Guarded, string? Note) Take()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var input = Libc.Fcntl(0, Libc.FDupfdCloexec, 3);
                var output = Libc.Fcntl(1, Libc.FDupfdCloexec, 3);
                if (input < 0 || output < 0)
                {
                    return (Console.OpenStandardInput(), Console.OpenStandardOutput(), false,
                        $"stdout is not guarded: copying the protocol descriptors failed (errno {Marshal.GetLastPInvokeError()})");
                }

                var devNull = Libc.Open("/dev/null", Libc.ORdonly | Libc.OCloexec);
                var guarded = devNull >= 0 && Libc.Dup2(devNull, 0) >= 0 && Libc.Dup2(2, 1) >= 0;
                var note = guarded ? null : $"stdout is not guarded: redirecting descriptors 0 and 1 failed (errno {Marshal.GetLastPInvokeError()})";
                if (devNull >= 0) Libc.Close(devNull);
                return (Wrap(input, FileAccess.Read), Wrap(output, FileAccess.Write), guarded, note);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return (Console.OpenStandardInput(), Console.OpenStandardOutput(), false, "stdout is not guarded: " + e.Message);
            }
        }

        return (Console.OpenStandardInput(), Console.OpenStandardOutput(), false, null);
    }

    private static FileStream Wrap(int fd, FileAccess access) => new(new SafeFileHandle(fd, ownsHandle: true), access, bufferSize: 0);
}
