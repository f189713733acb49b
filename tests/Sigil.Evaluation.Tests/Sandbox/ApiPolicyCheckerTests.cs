using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>
/// Hostile candidates (issue 3's list) compiled in memory with Roslyn against the running framework, each flagged with
/// the right capability and member before it could run; pure computation passes.
/// </summary>
[TestClass]
public sealed class ApiPolicyCheckerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Reflection;
        using System.Reflection.Emit;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Runtime.Loader;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    [TestMethod]
    [DataRow("return File.ReadAllText(\"/etc/passwd\");", "System.IO.File.ReadAllText")]
    [DataRow("Func<string, string> read = File.ReadAllText; return read(\"/etc/passwd\");", "System.IO.File.ReadAllText")]
    [DataRow("using var reader = new StreamReader(\"/etc/passwd\"); return reader.ReadToEnd();", "System.IO.StreamReader..ctor")]
    [DataRow("using var stream = new FileStream(\"/etc/passwd\", FileMode.Open); return stream.Length.ToString();", "System.IO.FileStream..ctor")]
    [DataRow("return new FileInfo(\"/etc/passwd\").Length.ToString();", "System.IO.FileInfo..ctor")]
    [DataRow("File.WriteAllText(\".sigil/samples/x.slog\", \"\"); return \"\";", "System.IO.File.WriteAllText")]
    public void Check_ReadsOrWritesAFile_FileSystemViolation(string body, string member)
    {
        var report = Check(Hostile("string", body));

        AssertFlagged(report, ApiCapability.FileSystem, member);
    }

    [TestMethod]
    [DataRow("using var client = new TcpClient(\"example.com\", 80); return 0;", "System.Net.Sockets.TcpClient..ctor")]
    [DataRow("using var http = new HttpClient(); return http.GetStringAsync(\"http://example.com\").Result.Length;", "System.Net.Http.HttpClient..ctor")]
    [DataRow("using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); return 0;", "System.Net.Sockets.Socket..ctor")]
    public void Check_OpensASocket_NetworkViolation(string body, string member)
    {
        AssertFlagged(Check(Hostile("int", body)), ApiCapability.Network, member);
    }

    [TestMethod]
    public void Check_StartsAProcess_ProcessViolation()
    {
        var report = Check(Hostile("int", "using var p = Process.Start(\"sh\", \"-c 'curl evil'\"); return p!.Id;"));

        AssertFlagged(report, ApiCapability.Process, "System.Diagnostics.Process.Start");
    }

    [TestMethod]
    [DataRow("return Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");", "System.Environment.GetEnvironmentVariable")]
    [DataRow("return Environment.GetEnvironmentVariables().Count.ToString();", "System.Environment.GetEnvironmentVariables")]
    [DataRow("return Environment.ExpandEnvironmentVariables(\"%OPENAI_API_KEY%\");", "System.Environment.ExpandEnvironmentVariables")]
    [DataRow("Environment.Exit(0); return \"\";", "System.Environment.Exit")]
    [DataRow("Environment.FailFast(\"bye\"); return \"\";", "System.Environment.FailFast")]
    [DataRow("Environment.CurrentDirectory = \"/\"; return \"\";", "System.Environment.set_CurrentDirectory")]
    public void Check_TouchesTheEnvironment_EnvironmentViolation(string body, string member)
    {
        AssertFlagged(Check(Hostile("string", body)), ApiCapability.Environment, member);
    }

    [TestMethod]
    public void Check_CurrentDirectoryGetterAndProcessorCount_Allowed()
    {
        var report = Check(Hostile("string", "return Environment.CurrentDirectory + Environment.ProcessorCount + Environment.NewLine;"));

        Assert.IsTrue(report.Allowed, Describe(report));
    }

    [TestMethod]
    public void Check_ReflectionEmit_ReflectionEmitViolation()
    {
        var report = Check(Hostile("int", """
            var method = new DynamicMethod("x", typeof(int), Type.EmptyTypes);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldc_I4_1);
            il.Emit(OpCodes.Ret);
            return ((Func<int>)method.CreateDelegate(typeof(Func<int>)))();
            """));

        AssertFlagged(report, ApiCapability.ReflectionEmit, "System.Reflection.Emit.DynamicMethod..ctor");
        AssertFlagged(report, ApiCapability.ReflectionEmit, "System.Reflection.Emit.ILGenerator.Emit");
    }

    [TestMethod]
    public void Check_ExpressionCompile_ReflectionEmitViolation()
    {
        var report = Check(Hostile("int", "System.Linq.Expressions.Expression<Func<int>> e = () => 1; return e.Compile()();"));

        AssertFlagged(report, ApiCapability.ReflectionEmit, "System.Linq.Expressions.Expression`1.Compile");
    }

    [TestMethod]
    public void Check_DllImport_PInvokeViolationOnTheImport()
    {
        var report = Check("""
            public static class Hostile
            {
                [DllImport("libc", EntryPoint = "system")]
                private static extern int Shell(string command);

                public static int Run() => Shell("rm -rf ~");
            }
            """);

        AssertFlagged(report, ApiCapability.PInvoke, "libc!system", "Hostile::Shell");
    }

    [TestMethod]
    public void Check_NativeLibrary_PInvokeViolation()
    {
        AssertFlagged(Check(Hostile("long", "return (long)NativeLibrary.Load(\"libc.so.6\");")), ApiCapability.PInvoke,
            "System.Runtime.InteropServices.NativeLibrary.Load");
    }

    [TestMethod]
    public void Check_PointerAndStackallocToAPointer_UnsafeViolations()
    {
        var report = Check("""
            public static unsafe class Hostile
            {
                public static int Run()
                {
                    int* p = stackalloc int[16];
                    p[20] = 1;
                    return At(p, 40);
                }

                private static int At(int* p, int i) => p[i];
            }
            """, allowUnsafe: true);

        // Optimized code keeps `p` on the IL stack (no pointer local): the localloc itself and the pointer-typed callee give it away.
        AssertFlagged(report, ApiCapability.Unsafe, "localloc");
        AssertFlagged(report, ApiCapability.Unsafe, "Hostile.At");
        AssertFlagged(report, ApiCapability.Unsafe, "System.Int32*", "Hostile::At");
        AssertFlagged(report, ApiCapability.Unsafe, "System.Security.UnverifiableCodeAttribute", "<module>");
    }

    [TestMethod]
    public void Check_FunctionPointer_CalliUnsafeViolation()
    {
        var report = Check("""
            public static unsafe class Hostile
            {
                private static int One() => 1;

                public static int Run()
                {
                    delegate*<int> f = &One;
                    return f();
                }
            }
            """, allowUnsafe: true);

        AssertFlagged(report, ApiCapability.Unsafe, "calli");
    }

    [TestMethod]
    [DataRow("var p = Marshal.AllocHGlobal(64); Marshal.WriteInt64(p, 1); return Marshal.ReadInt64(p);", "System.Runtime.InteropServices.Marshal.AllocHGlobal")]
    [DataRow("var a = new long[1]; ref var r = ref Unsafe.Add(ref a[0], 1000); return r;", "System.Runtime.CompilerServices.Unsafe.Add")]
    [DataRow("var a = new long[1]; return MemoryMarshal.CreateSpan(ref a[0], 1000)[999];", "System.Runtime.InteropServices.MemoryMarshal.CreateSpan")]
    public void Check_MemoryUnsafeApi_UnsafeViolation(string body, string member)
    {
        AssertFlagged(Check(Hostile("long", body)), ApiCapability.Unsafe, member);
    }

    [TestMethod]
    [DataRow("return Assembly.Load(new byte[] { 77, 90 }).FullName!.Length;", "System.Reflection.Assembly.Load")]
    [DataRow("return Assembly.LoadFrom(\"/tmp/evil.dll\").FullName!.Length;", "System.Reflection.Assembly.LoadFrom")]
    [DataRow("var c = new AssemblyLoadContext(\"evil\", true); return c.LoadFromAssemblyPath(\"/tmp/evil.dll\").FullName!.Length;", "System.Runtime.Loader.AssemblyLoadContext..ctor")]
    [DataRow("return AppDomain.CurrentDomain.GetAssemblies().Length;", "System.AppDomain.get_CurrentDomain")]
    [DataRow("return (int)typeof(Math).GetMethod(\"Abs\", new[] { typeof(int) })!.Invoke(null, new object[] { -1 })!;", "System.Reflection.MethodBase.Invoke")]
    [DataRow("Func<int> f = () => 1; return (int)f.DynamicInvoke()!;", "System.Delegate.DynamicInvoke")]
    public void Check_LoadsOrInvokesLateBound_ReflectionViolation(string body, string member)
    {
        AssertFlagged(Check(Hostile("int", body)), ApiCapability.Reflection, member);
    }

    [TestMethod]
    public void Check_ActivatorOnTypeGetType_BothReflectionViolations()
    {
        var report = Check(Hostile("object", "return Activator.CreateInstance(Type.GetType(\"System.IO.FileInfo\")!, \"/etc/passwd\")!;"));

        AssertFlagged(report, ApiCapability.Reflection, "System.Type.GetType");
        AssertFlagged(report, ApiCapability.Reflection, "System.Activator.CreateInstance");
        Assert.IsFalse(report.Violations.Any(v => v.Capability == ApiCapability.FileSystem), "the type name is only a string: " + Describe(report));
    }

    [TestMethod]
    public void Check_Dynamic_ReflectionViolation()
    {
        var report = Check(Hostile("object", "dynamic m = typeof(Math).GetMethod(\"Abs\", new[] { typeof(int) })!; return m.Invoke(null, new object[] { -1 });"));

        Assert.IsTrue(report.Violations.Any(v => v.Capability == ApiCapability.Reflection && v.Member.StartsWith("Microsoft.CSharp.RuntimeBinder.", StringComparison.Ordinal)),
            Describe(report));
    }

    [TestMethod]
    public void Check_StartsAThread_ThreadingViolation()
    {
        var report = Check(Hostile("int", "new Thread(() => { while (true) { } }).Start(); ThreadPool.QueueUserWorkItem(_ => { }); return 0;"));

        AssertFlagged(report, ApiCapability.Threading, "System.Threading.Thread..ctor");
        AssertFlagged(report, ApiCapability.Threading, "System.Threading.ThreadPool.QueueUserWorkItem");
    }

    [TestMethod]
    [DataRow(OptimizationLevel.Release)]
    [DataRow(OptimizationLevel.Debug)]
    public void Check_PureComputation_AllowedWithNoViolations(OptimizationLevel optimization)
    {
        var report = Check("""
            public static class Clean
            {
                private static ReadOnlySpan<byte> Table => [1, 2, 3, 4, 5, 6, 7, 8, 9];

                public static double Run(double[] xs, int n)
                {
                    var sum = 0.0;
                    for (var i = 0; i < xs.Length; i++) sum += Math.Sqrt(Math.Abs(xs[i])) * Math.Pow(xs[i], 2);
                    var list = new List<double>(xs.Where(x => x > sum / 2).Select(x => x * n).OrderBy(x => x));
                    var counts = new Dictionary<string, int>();
                    foreach (var word in "a b a c".Split(' ')) counts[word] = counts.TryGetValue(word, out var c) ? c + 1 : 1;
                    Span<int> scratch = stackalloc int[16];
                    Span<double> sized = n <= 64 ? stackalloc double[n] : new double[n];
                    for (var i = 0; i < scratch.Length; i++) scratch[i] = Table[i % Table.Length];
                    var text = string.Join(",", list.Select(x => x.ToString("F2"))).ToUpperInvariant().Trim();
                    sum += (n % 5) switch { 0 => 1, 1 => 7, 2 => 3, 3 => 9, _ => 4 }; // an IL switch, then more calls to check
                    var parallel = 0L;
                    Parallel.For(0, 4, i => Interlocked.Add(ref parallel, i));
                    lock (counts) sum += sized.Length + scratch[3] + text.Length + counts["a"] + Make<List<int>>().Count + parallel;
                    return sum + GC.AllocateUninitializedArray<double>(4).Length + Path.Combine("a", "b").Length + Task.FromResult(1).Result;
                }

                private static T Make<T>() where T : new() => new T();
            }
            """, optimization: optimization);

        Assert.IsTrue(report.Allowed, Describe(report));
        Assert.IsEmpty(report.Violations);
        Assert.IsGreaterThan(1, report.MethodsChecked);
    }

    [TestMethod]
    public void Check_PredicateSelectsTheChangedMethod_BaselineFileUseIgnored()
    {
        const string Source = """
            public static class App
            {
                public static string LoadConfig() => File.ReadAllText("appsettings.json");

                public static int Kernel(int[] xs) => xs.Sum();
            }
            """;

        var whole = Check(Source);
        var changed = Check(Source, isChangedCode: location => location == "App::Kernel");

        AssertFlagged(whole, ApiCapability.FileSystem, "System.IO.File.ReadAllText", "App::LoadConfig");
        Assert.IsTrue(changed.Allowed, Describe(changed));
        Assert.AreEqual(1, changed.MethodsChecked);
    }

    [TestMethod]
    public void Check_PredicateSelectsTheChangedMethod_CallHiddenInItsLambdaStillFlagged()
    {
        const string Source = """
            public static class App
            {
                public static int Kernel(int[] xs)
                {
                    Func<int, int> f = x => File.ReadAllText("/etc/passwd").Length + x;
                    return xs.Select(f).Sum();
                }

                public static IEnumerable<string> Lines(string path) { foreach (var line in File.ReadLines(path)) yield return line; }
            }
            """;

        var report = Check(Source, isChangedCode: location => location == "App::Kernel");

        Assert.IsTrue(report.Violations.Any(v => v is { Capability: ApiCapability.FileSystem, Member: "System.IO.File.ReadAllText" }
            && v.Location.StartsWith("App+<>c", StringComparison.Ordinal)), Describe(report));
        Assert.IsFalse(report.Violations.Any(v => v.Member == "System.IO.File.ReadLines"), "Lines is not the candidate's: " + Describe(report));
    }

    [TestMethod]
    public void Check_PolicyAllowsTheCapability_NoViolation()
    {
        var source = Hostile("string", "return File.ReadAllText(\"data.csv\") + Environment.GetEnvironmentVariable(\"HOME\");");

        var report = Check(source, ApiPolicy.PureComputation.Allow(ApiCapability.FileSystem));

        Assert.IsFalse(report.Allowed);
        Assert.IsTrue(report.Violations.All(v => v.Capability == ApiCapability.Environment), Describe(report));
        Assert.IsTrue(Check(source, new ApiPolicy(ApiCapability.FileSystem | ApiCapability.Environment)).Allowed);
    }

    [TestMethod]
    public void Check_NotAnAssembly_BadImageFormatException()
    {
        Assert.ThrowsExactly<BadImageFormatException>(() => ApiPolicyChecker.Check(new byte[512], ApiPolicy.PureComputation));
    }

    [TestMethod]
    [DataRow("App", "Kernel", null)]
    [DataRow("App+<>c", "<Kernel>b__0_0", "App::Kernel")]
    [DataRow("App+<>c__DisplayClass0_0", "<Kernel>b__0", "App::Kernel")]
    [DataRow("App", "<Kernel>g__Local|0_0", "App::Kernel")]
    [DataRow("Ns.App+<Lines>d__1", "MoveNext", "Ns.App::Lines")]
    [DataRow("Ns.Outer+Inner+<>c", "<M>b__2_0", "Ns.Outer+Inner::M")]
    public void OwnerOf_CompilerGeneratedMember_TheUserMethod(string type, string method, string? owner)
    {
        Assert.AreEqual(owner, ApiPolicyChecker.OwnerOf(type, method));
    }

    private static string Hostile(string returnType, string body) =>
        $$"""
        public static class Hostile
        {
            public static {{returnType}} Run()
            {
                {{body}}
            }
        }
        """;

    private static ApiPolicyReport Check(string source, ApiPolicy? policy = null, bool allowUnsafe = false, Func<string, bool>? isChangedCode = null,
        OptimizationLevel optimization = OptimizationLevel.Release)
    {
        var compilation = CSharpCompilation.Create(
            "Candidate" + Guid.NewGuid().ToString("n"),
            [CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization, allowUnsafe: allowUnsafe));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.IsTrue(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        return ApiPolicyChecker.Check(image.ToArray(), policy ?? ApiPolicy.PureComputation, isChangedCode);
    }

    private static void AssertFlagged(ApiPolicyReport report, ApiCapability capability, string member, string location = "Hostile::Run")
    {
        Assert.IsFalse(report.Allowed, "not flagged at all");
        Assert.IsTrue(report.Violations.Contains(new ApiViolation(capability, member, location)),
            $"expected {new ApiViolation(capability, member, location)}; got {Describe(report)}");
    }

    private static string Describe(ApiPolicyReport report) =>
        report.Violations.Count == 0 ? "no violations" : string.Join("; ", report.Violations);
}
