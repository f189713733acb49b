using System.Runtime.InteropServices;

namespace Sigil.Worker.Native;

/// <summary>
/// Blocks starting programs for the rest of the worker's life: a seccomp filter, installed on every thread
/// (<c>SECCOMP_FILTER_FLAG_TSYNC</c>), that fails <c>execve</c> and <c>execveat</c> with EPERM. A candidate's
/// <c>Process.Start</c> then throws; <c>fork</c> alone is harmless (the child can only run the worker's own code).
/// System calls of a foreign ABI (x32, i386 on x86-64) are refused outright, so the filter cannot be side-stepped.
/// Linux x64 and arm64 only.
/// </summary>
internal static class ExecBlocker
{
    private const uint AuditArchX8664 = 0xC000003E;
    private const uint AuditArchAarch64 = 0xC00000B7;
    private const uint X32SyscallBit = 0x40000000;
    private const uint SeccompRetAllow = 0x7FFF0000;
    private const uint SeccompRetErrnoEperm = 0x00050000 | 1;
    private const ushort LoadWordAbsolute = 0x20;
    private const ushort JumpIfEqual = 0x15;
    private const ushort JumpIfGreaterOrEqual = 0x35;
    private const ushort Return = 0x06;

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFilter
    {
        public ushort Code;
        public byte JumpTrue;
        public byte JumpFalse;
        public uint K;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog
    {
        public ushort Length;
        public IntPtr Filter;
    }

    /// <summary>Installs the filter; null on success, else why not.</summary>
    public static string? TryInstall()
    {
        if (!OperatingSystem.IsLinux()) return "starting programs is not blocked: seccomp is Linux-only";
        (uint Arch, uint Execve, uint Execveat, long Seccomp, bool X32)? abi = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (AuditArchX8664, 59u, 322u, 317L, true),
            Architecture.Arm64 => (AuditArchAarch64, 221u, 281u, 277L, false),
            _ => null,
        };
        if (abi is not { } a) return $"starting programs is not blocked: no seccomp filter for {RuntimeInformation.ProcessArchitecture}";

        var program = new List<SockFilter>
        {
            Statement(LoadWordAbsolute, 4), // seccomp_data.arch
            Jump(JumpIfEqual, a.Arch, 1, 0),
            Statement(Return, SeccompRetErrnoEperm), // a foreign ABI: refuse every call
            Statement(LoadWordAbsolute, 0), // seccomp_data.nr
        };
        var denyChecks = new List<(ushort Code, uint K)>();
        if (a.X32) denyChecks.Add((JumpIfGreaterOrEqual, X32SyscallBit));
        denyChecks.Add((JumpIfEqual, a.Execve));
        denyChecks.Add((JumpIfEqual, a.Execveat));
        for (var i = 0; i < denyChecks.Count; i++)
        {
            // Jump to the final "deny": past the remaining checks and the "allow".
            program.Add(Jump(denyChecks[i].Code, denyChecks[i].K, (byte)(denyChecks.Count - i), 0));
        }

        program.Add(Statement(Return, SeccompRetAllow));
        program.Add(Statement(Return, SeccompRetErrnoEperm));

        var filters = program.ToArray();
        var handle = GCHandle.Alloc(filters, GCHandleType.Pinned);
        var fprog = Marshal.AllocHGlobal(Marshal.SizeOf<SockFprog>());
        try
        {
            Marshal.StructureToPtr(new SockFprog { Length = (ushort)filters.Length, Filter = handle.AddrOfPinnedObject() }, fprog, false);
            if (Libc.Prctl(Libc.PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
                return $"starting programs is not blocked: prctl(NO_NEW_PRIVS) failed (errno {Marshal.GetLastPInvokeError()})";
            const ulong setModeFilter = 1, flagTsync = 1;
            var result = Libc.Syscall(a.Seccomp, setModeFilter, flagTsync, fprog);
            return result == 0 ? null : $"starting programs is not blocked: seccomp failed ({(result < 0 ? "errno " + Marshal.GetLastPInvokeError() : "thread " + result + " could not be synchronized")})";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "starting programs is not blocked: " + e.Message;
        }
        finally
        {
            Marshal.FreeHGlobal(fprog);
            handle.Free();
        }
    }

    private static SockFilter Statement(ushort code, uint k) => new() { Code = code, K = k };

    private static SockFilter Jump(ushort code, uint k, byte jumpTrue, byte jumpFalse) =>
        new() { Code = code, K = k, JumpTrue = jumpTrue, JumpFalse = jumpFalse };
}
