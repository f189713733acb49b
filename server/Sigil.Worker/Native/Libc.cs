using System.Runtime.InteropServices;

namespace Sigil.Worker.Native;

/// <summary>The few Linux libc calls the worker needs to protect itself. Only called where <see cref="OperatingSystem.IsLinux"/>.</summary>
internal static class Libc
{
    private const string Library = "libc";

    public const int RlimitFsize = 1;
    public const int RlimitCore = 4;
    public const int RlimitAs = 9;
    public const int FDupfdCloexec = 1030;
    public const int ORdonly = 0;
    public const int OCloexec = 0x80000;
    public const int ClockThreadCpuTimeId = 3;
    public const int PrSetNoNewPrivs = 38;

    [StructLayout(LayoutKind.Sequential)]
    public struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport(Library, EntryPoint = "setrlimit", SetLastError = true)]
    public static extern int SetRlimit(int resource, ref Rlimit limit);

    [DllImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static extern int Fcntl(int fd, int command, int argument);

    [DllImport(Library, EntryPoint = "dup2", SetLastError = true)]
    public static extern int Dup2(int oldFd, int newFd);

    [DllImport(Library, EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport(Library, EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport(Library, EntryPoint = "clock_gettime", SetLastError = true)]
    public static extern int ClockGetTime(int clock, out Timespec time);

    [DllImport(Library, EntryPoint = "prctl", SetLastError = true)]
    public static extern int Prctl(int option, ulong argument2, ulong argument3, ulong argument4, ulong argument5);

    [DllImport(Library, EntryPoint = "syscall", SetLastError = true)]
    public static extern long Syscall(long number, ulong argument1, ulong argument2, IntPtr argument3);
}
