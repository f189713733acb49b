using System.Collections.Immutable;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// The deny list: which referenced members need which capability, by namespace, type and member name (and, for a few
/// overloads, the first parameter's type). Matching is by name, so a candidate's own type named like a framework one is
/// flagged too (conservative). Everything not listed here is pure computation.
/// </summary>
internal static class ApiDenyList
{
    private static readonly HashSet<string> FileSystemTypes =
        ["File", "Directory", "FileInfo", "DirectoryInfo", "FileSystemInfo", "FileStream", "FileSystemWatcher", "DriveInfo", "RandomAccess"];

    private static readonly HashSet<string> EnvironmentMembers =
    [
        "Exit", "FailFast", "GetEnvironmentVariable", "GetEnvironmentVariables", "SetEnvironmentVariable",
        "ExpandEnvironmentVariables", "set_CurrentDirectory", "GetCommandLineArgs", "get_CommandLine",
    ];

    private static readonly HashSet<string> AssemblyLoads =
        ["Load", "LoadFrom", "LoadFile", "UnsafeLoadFrom", "LoadWithPartialName", "ReflectionOnlyLoad", "ReflectionOnlyLoadFrom"];

    /// <summary>
    /// The capability a use of <paramref name="member"/> of <paramref name="typeName"/> needs, or <see cref="ApiCapability.None"/>.
    /// </summary>
    /// <param name="typeName">The declaring type's full metadata name, instantiation dropped (<c>System.Span`1</c>).</param>
    /// <param name="member">The member's metadata name (<c>.ctor</c>, <c>get_X</c>, …).</param>
    /// <param name="parameters">The parameter types (empty for fields).</param>
    public static ApiCapability Classify(string typeName, string member, ImmutableArray<string> parameters)
    {
        var outer = typeName.IndexOf('+') is var plus and > 0 ? typeName[..plus] : typeName;
        var dot = outer.LastIndexOf('.');
        var ns = dot < 0 ? "" : outer[..dot];
        var type = dot < 0 ? typeName : typeName[(dot + 1)..];
        var firstIsString = parameters.Length > 0 && parameters[0] == "System.String";

        switch (ns)
        {
            case "System.IO":
                if (FileSystemTypes.Contains(type)) return ApiCapability.FileSystem;
                if (type is "StreamReader" or "StreamWriter" && member == ".ctor" && firstIsString) return ApiCapability.FileSystem;
                if (type == "Path" && member == "GetTempFileName") return ApiCapability.FileSystem; // creates the file
                return ApiCapability.None;
            case "System.Diagnostics":
                return type is "Process" or "ProcessStartInfo" ? ApiCapability.Process : ApiCapability.None;
            case "System":
                return type switch
                {
                    "Environment" when EnvironmentMembers.Contains(member) => ApiCapability.Environment,
                    "Type" when member == "GetType" && firstIsString => ApiCapability.Reflection,
                    "Type" when member is "InvokeMember" or "GetTypeFromProgID" or "GetTypeFromCLSID" => ApiCapability.Reflection,
                    // Activator.CreateInstance<T>() (what `new T()` compiles to) has no parameter and stays allowed.
                    "Activator" when member is "CreateInstance" or "CreateInstanceFrom" && parameters.Length > 0 => ApiCapability.Reflection,
                    "AppDomain" => ApiCapability.Reflection,
                    "Delegate" or "MulticastDelegate" when member is "DynamicInvoke" or "CreateDelegate" => ApiCapability.Reflection,
                    _ => ApiCapability.None,
                };
            case "System.Reflection":
                return type switch
                {
                    "MethodBase" or "MethodInfo" or "ConstructorInfo" when member == "Invoke" => ApiCapability.Reflection,
                    "MethodInfo" when member == "CreateDelegate" => ApiCapability.Reflection,
                    "PropertyInfo" or "FieldInfo" when member is "GetValue" or "SetValue" => ApiCapability.Reflection,
                    "Assembly" when AssemblyLoads.Contains(member) => ApiCapability.Reflection,
                    _ => ApiCapability.None,
                };
            case "System.Runtime.CompilerServices":
                if (type == "Unsafe") return ApiCapability.Unsafe;
                return type.StartsWith("CallSite", StringComparison.Ordinal) ? ApiCapability.Reflection : ApiCapability.None; // `dynamic`
            case "System.Runtime.InteropServices":
                return type switch
                {
                    "Marshal" or "NativeMemory" => ApiCapability.Unsafe,
                    "MemoryMarshal" when member.StartsWith("Create", StringComparison.Ordinal) => ApiCapability.Unsafe, // spans over any memory
                    "NativeLibrary" => ApiCapability.PInvoke,
                    _ => ApiCapability.None,
                };
            case "System.Linq.Expressions":
                return member is "Compile" or "CompileToMethod" ? ApiCapability.ReflectionEmit : ApiCapability.None;
            case "System.Threading":
                return type switch
                {
                    "Thread" when member is ".ctor" or "Start" or "UnsafeStart" => ApiCapability.Threading,
                    "ThreadPool" => ApiCapability.Threading,
                    "Timer" when member == ".ctor" => ApiCapability.Threading,
                    _ => ApiCapability.None,
                };
            case "System.Timers":
                return type == "Timer" && member == ".ctor" ? ApiCapability.Threading : ApiCapability.None;
        }

        if (Under(ns, "System.Net") || Under(ns, "System.IO.Pipes")) return ApiCapability.Network;
        if (Under(ns, "System.IO.MemoryMappedFiles") || Under(ns, "System.IO.IsolatedStorage") || Under(ns, "System.IO.Enumeration"))
            return ApiCapability.FileSystem;
        if (Under(ns, "System.Reflection.Emit")) return ApiCapability.ReflectionEmit;
        if (Under(ns, "System.Runtime.Loader") || Under(ns, "Microsoft.CSharp.RuntimeBinder")) return ApiCapability.Reflection;
        return ApiCapability.None;
    }

    private static bool Under(string ns, string root) =>
        ns.StartsWith(root, StringComparison.Ordinal) && (ns.Length == root.Length || ns[root.Length] == '.');
}
