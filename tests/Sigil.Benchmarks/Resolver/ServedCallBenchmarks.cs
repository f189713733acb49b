using System.Reflection;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ServedApp;
using Sigil.Runtime;
using Sigil.Runtime.Resolution;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// Issue 4, "a prod-mode pinned call ≤ 1.2× the direct call". ServedApp's pins (tests/Fixtures/ServedApp) are called
/// through their generated interceptors: once served in prod mode (signed manifest verified, the candidate's artifact
/// loaded and bound, the interceptor calling it through the pin's delegate and counting the call), once in off mode
/// (baselines), against the unpinned twin with the same body called directly (the baseline). The served candidate is
/// compiled from the pin's own method text, so all three run the same code. Two methods: Root (QuickStart's, 40 Newton
/// steps, ~0.2 µs) and Tiny (x * 2 + 1). BenchmarkDotNet runs each case in its own process; the setup makes the
/// manifest and sets the environment before ServedApp's module initializer runs, and throws unless the resolver
/// serves both pins (prod) or none (off), so a case can never silently measure the wrong path. Per call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServedCallBenchmarks
{
    internal const int Calls = 1000;

    // QuickStart's sample values, repeated (Root's cost does not depend on x > 0: always 40 steps).
    internal static readonly double[] Values = [.. Enumerable.Range(0, Calls).Select(i => new[] { 2, 3, 10, 49.5, 1e6 }[i % 5])];

    private ServedProject? _served;
    private string? _offDirectory;

    [GlobalSetup(Targets = [nameof(RootDirect), nameof(RootServed), nameof(TinyDirect), nameof(TinyServed)])]
    public void SetupProd()
    {
        _served = ServedProject.Create();
        var project = Start(_served.Directory, _served.ProdEnvironment);
        var status = project.Resolution;
        if (status.Mode != ResolverMode.Prod || status.Served.Count != ServedProject.PinMethods.Length)
        {
            throw new InvalidOperationException(
                $"prod mode serves {status.Served.Count} pin(s), not {ServedProject.PinMethods.Length} (fallback: {status.FallbackReason}); resolver log:\n"
                + string.Join("\n", project.ResolverLog));
        }
        CheckServedPath(project);
    }

    /// <summary>
    /// The served path really runs: every pinned call is counted by the route, with the direct call's results. A method
    /// of its own, never inlined: the JIT may run a module's initializer when it compiles a method that calls into the
    /// module, so no method that runs before the environment is set may mention ServedApp's types.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void CheckServedPath(SigilProject project)
    {
        var before = project.Resolution.Served.Sum(p => p.Calls);
        if (Loops.RootPinned(Values) != Loops.RootDirect(Values) || Loops.TinyPinned(Calls) != Loops.TinyDirect(Calls))
        {
            throw new InvalidOperationException("a served candidate computes something else than the direct call");
        }
        var counted = project.Resolution.Served.Sum(p => p.Calls) - before;
        if (counted != 2 * Calls)
        {
            throw new InvalidOperationException($"{2 * Calls} pinned calls, but the routes counted {counted} served");
        }
    }

    [GlobalSetup(Targets = [nameof(RootOff), nameof(TinyOff)])]
    public void SetupOff()
    {
        _offDirectory = Directory.CreateTempSubdirectory("sigil-bench-off-").FullName;
        var project = Start(_offDirectory, new Dictionary<string, string>
        {
            ["SIGIL_PROJECT_DIR"] = _offDirectory, ["SIGIL_MODE"] = "off", ["SIGIL_MANIFEST"] = "", ["SIGIL_TRACKER"] = "disabled",
        });
        if (project.Resolution.Mode != ResolverMode.Off || project.Serving || SigilDispatcher.Active)
        {
            throw new InvalidOperationException("off mode is not in force: the resolver serves, or the gate is open");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _served?.Dispose();
        if (_offDirectory is not null)
        {
            Directory.Delete(_offDirectory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Root")]
    public double RootDirect() => Loops.RootDirect(Values);

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Root")]
    public double RootServed() => Loops.RootPinned(Values);

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Root")]
    public double RootOff() => Loops.RootPinned(Values);

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Tiny")]
    public int TinyDirect() => Loops.TinyDirect(Calls);

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Tiny")]
    public int TinyServed() => Loops.TinyPinned(Calls);

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Tiny")]
    public int TinyOff() => Loops.TinyPinned(Calls);

    /// <summary>Sets the environment, runs ServedApp's module initializer, waits for the resolver's (background) decision and returns the project.</summary>
    internal static SigilProject Start(string directory, IReadOnlyDictionary<string, string> environment)
    {
        var app = Assembly.Load(new AssemblyName(ServedProject.AssemblyName));
        if (PinRegistry.Projects.Any(p => p.Specs.Any(s => s.Name == ServedProject.Spec)))
        {
            throw new InvalidOperationException("ServedApp's module initializer ran before the environment was set");
        }
        foreach (var (name, value) in environment)
        {
            Environment.SetEnvironmentVariable(name, value.Length == 0 ? null : value);
        }
        RuntimeHelpers.RunModuleConstructor(app.ManifestModule.ModuleHandle);
        var full = Path.GetFullPath(directory);
        var project = PinRegistry.Projects.SingleOrDefault(p => p.ProjectDirectory == full)
            ?? throw new InvalidOperationException($"ServedApp registered no project at {full}");
        return project.WaitForResolution(TimeSpan.FromSeconds(30))
            ? project
            : throw new InvalidOperationException("the resolver made no decision within 30 s");
    }
}
