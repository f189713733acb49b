using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>
/// A small app built with Roslyn for the sandbox tests, laid out like a real project: <c>root/bin/</c> is the build output
/// (the app directory: Demo.dll and its dependency Demo.Helpers.dll), <c>root/.sigil/samples/</c> holds a sample log,
/// and a secret file lives in another directory. Candidates are the app compiled again with <c>K.Sum</c>'s body
/// replaced, under the same assembly name.
/// </summary>
internal sealed class SandboxTestApp : IDisposable
{
    public const string SlowSum = "long s = 0; for (var r = 0; r < 40; r++) { s = 0; foreach (var x in v) s += x; } return s;";

    public const string FastSum = "long s = 0; foreach (var x in v) s += x; return s;";

    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private readonly MetadataReference _helpers;

    public SandboxTestApp()
    {
        Root = Path.Combine(Path.GetTempPath(), "sigil-sandbox-" + Guid.NewGuid().ToString("n"));
        AppDirectory = Path.Combine(Root, "bin");
        SigilDirectory = Path.Combine(Root, ".sigil");
        SecretDirectory = Path.Combine(Path.GetTempPath(), "sigil-secret-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(AppDirectory);
        Directory.CreateDirectory(Path.Combine(SigilDirectory, "samples"));
        Directory.CreateDirectory(SecretDirectory);
        File.WriteAllText(Path.Combine(SigilDirectory, "samples", "20250101-1-abc.slog"), "SIGLOG1\n");
        SecretPath = Path.Combine(SecretDirectory, "secret.txt");
        File.WriteAllText(SecretPath, Secret);

        var helpers = Emit("Demo.Helpers", "namespace Demo; public static class Helpers { public static int Twice(int x) => 2 * x; }", []);
        File.WriteAllBytes(Path.Combine(AppDirectory, "Demo.Helpers.dll"), helpers.Image);
        _helpers = MetadataReference.CreateFromImage(helpers.Image);
        Baseline = Compile(SlowSum);
        File.WriteAllBytes(Path.Combine(AppDirectory, "Demo.dll"), Baseline.Image);
    }

    public string Secret { get; } = "sigil-secret-" + Guid.NewGuid().ToString("n");

    public string Root { get; }

    public string AppDirectory { get; }

    public string SigilDirectory { get; }

    public string SecretDirectory { get; }

    public string SecretPath { get; }

    public (byte[] Image, byte[] Pdb) Baseline { get; }

    /// <summary>The app with <c>K.Sum(int[] v)</c>'s body replaced (and extra members added to K).</summary>
    public (byte[] Image, byte[] Pdb) Compile(string sumBody, string extraMembers = "") => CompileAs("Demo", sumBody, extraMembers);

    /// <summary>As <see cref="Compile"/>, under another assembly name.</summary>
    public (byte[] Image, byte[] Pdb) CompileAs(string assemblyName, string sumBody, string extraMembers = "") =>
        Emit(assemblyName, Source(SumMethod(sumBody), extraMembers), [_helpers]);

    /// <summary>The app with the whole <c>K.Sum</c> method replaced by <paramref name="sumMethod"/> (another signature, say).</summary>
    public (byte[] Image, byte[] Pdb) CompileWithSum(string sumMethod) => Emit("Demo", Source(sumMethod, ""), [_helpers]);

    /// <summary>A context for <c>K.Sum</c> scored by <c>K.Score</c> on <paramref name="count"/> arrays of <paramref name="length"/> ints.</summary>
    public SandboxContext SumContext(int count = 40, int length = 64, int seed = 1)
    {
        var random = new Random(seed);
        var samples = Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyList<string>)[$"[{string.Join(",", Enumerable.Range(0, length).Select(_ => random.Next(-1000, 1000)))}]"])
            .ToList();
        return new SandboxContext(AppDirectory, Baseline.Image, new SandboxPin("Demo.K", "Sum", ["int[]"]), samples, new SandboxEval("Demo.K", "Score"), Baseline.Pdb);
    }

    /// <summary>A job for <c>K.Sum</c> with <paramref name="sumBody"/>, checked by the policy on K.Sum only.</summary>
    public SandboxJob SumJob(SandboxContext context, string sumBody, ApiPolicy? policy = null, int rounds = 3)
    {
        var (image, pdb) = Compile(sumBody);
        return new SandboxJob(context, image)
        {
            CandidatePdb = pdb,
            Rounds = rounds,
            Seed = 7,
            WarmupCalls = 4,
            Policy = policy ?? ApiPolicy.PureComputation,
            IsChangedCode = name => name == "Demo.K::Sum",
        };
    }

    public void Dispose()
    {
        foreach (var directory in new[] { Root, SecretDirectory })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static string SumMethod(string body) => "public static long Sum(int[] v)\n{\n" + body + "\n}";

    private static string Source(string sumMethod, string extraMembers) => $$"""
        using System;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Demo;

        public static class K
        {
            {{sumMethod}}

            public static double Score(int[] v, long result)
            {
                long expected = 0;
                foreach (var x in v) expected += x;
                return expected == result ? 1 : 0;
            }

            public static int Twice(int x) => Helpers.Twice(x);

            public static async Task<int> NextAsync(int x)
            {
                await Task.Yield();
                return x + 1;
            }

            public static void Negate(int[] v)
            {
                for (var i = 0; i < v.Length; i++) v[i] = -v[i];
            }

            public static bool AllNegative(int[] v) => v.All(x => x <= 0);

            public static Point Mid(Point a, Point b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

            public static int Parse(string s) => int.Parse(s);

            public static int First(ReadOnlySpan<int> s) => s[0];

            {{extraMembers}}
        }

        public sealed record Point(int X, int Y);

        public sealed class Counter
        {
            private int _calls;

            private Counter()
            {
            }

            public int Add(int a, int b)
            {
                _calls++;
                return a + b;
            }
        }

        public sealed class NeedsArgument(int seed)
        {
            public int Get() => seed;
        }

        public static class Io
        {
            public static void Save(string path) => System.IO.File.WriteAllText(path, "saved");
        }

        public static class Outer
        {
            public static class Inner
            {
                public static int Square(int x) => x * x;
            }
        }
        """;

    /// <summary>Compiles a library named <paramref name="name"/> against the framework and <paramref name="extra"/>.</summary>
    public static (byte[] Image, byte[] Pdb) Emit(string name, string source, MetadataReference[] extra)
    {
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Framework.Value, .. extra],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
            throw new InvalidOperationException("The test app does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (image.ToArray(), pdb.ToArray());
    }
}
