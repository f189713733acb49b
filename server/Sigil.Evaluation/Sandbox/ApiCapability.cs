namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// What a candidate's code may reach beyond pure computation. <see cref="ApiPolicy"/> allows a set of these; everything
/// else found by <see cref="ApiPolicyChecker"/> is a violation.
/// </summary>
[Flags]
public enum ApiCapability
{
    /// <summary>Pure computation only.</summary>
    None = 0,

    /// <summary>Files and directories: System.IO.File, Directory, FileStream, FileInfo, …, StreamReader/Writer on a path.</summary>
    FileSystem = 1 << 0,

    /// <summary>System.Net.* (sockets, HTTP, DNS, …) and named/anonymous pipes.</summary>
    Network = 1 << 1,

    /// <summary>Starting or inspecting processes: System.Diagnostics.Process, ProcessStartInfo.</summary>
    Process = 1 << 2,

    /// <summary>The process environment: environment variables (API keys!), command line, Environment.Exit/FailFast, the current directory's setter.</summary>
    Environment = 1 << 3,

    /// <summary>Generating code at run time: System.Reflection.Emit.*, compiling expression trees.</summary>
    ReflectionEmit = 1 << 4,

    /// <summary>Memory-unsafe code: pointer types, localloc (stackalloc to a pointer), calli, Unsafe, Marshal, NativeMemory, unverifiable modules.</summary>
    Unsafe = 1 << 5,

    /// <summary>Native code: DllImport/LibraryImport methods (ImplMap), NativeLibrary.</summary>
    PInvoke = 1 << 6,

    /// <summary>Work that outlives the call: new threads, the thread pool, timers. (Tasks, Parallel, locks and Interlocked are not flagged.)</summary>
    Threading = 1 << 7,

    /// <summary>
    /// Late-bound invocation and code loading, which would bypass every other check: MethodBase.Invoke, Activator.CreateInstance(Type…),
    /// Type.GetType(string), Assembly.Load*, AppDomain, AssemblyLoadContext, Delegate.DynamicInvoke/CreateDelegate, <c>dynamic</c>.
    /// </summary>
    Reflection = 1 << 8,
}
