using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Sigil.Core.Identity;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Verification;
using Sigil.Runtime;
using Sigil.Runtime.Resolution;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// Issue 4, "manifest load + verification at startup ≤ 5 ms", warm (in one process, after JIT; the cold figure of a
/// fresh process is <c>--resolver-cold</c>, <see cref="ResolverColdStart"/>). One invocation per iteration, each on
/// fresh state:
/// <list type="bullet">
/// <item><see cref="ProdDecision"/>: what a starting app does, through the public path the generated module initializer
/// uses: <c>PinRegistry.Initialize(dir, specs, routes)</c> for a new project directory (its own trust store, no
/// applied.json yet) in prod mode: settings, read the manifest, verify it (signature, trust, expiry, sequence, ABI,
/// policy), read and hash both artifacts, load them into a new load context, bind them to the pins' delegates, record
/// applied.json, log, with <c>SIGIL_RESOLVE=startup</c> (the decision made in the call). Checked afterwards: both
/// pins served.</item>
/// <item><see cref="ProdRegistrationBackground"/>: the same call with the default background timing: what start-up
/// waits for when the decision is made on the resolver's worker thread (checked afterwards, unmeasured: the decision
/// lands and serves both pins).</item>
/// <item><see cref="Verify"/>: the manifest and artifact part alone (<see cref="ManifestVerifier"/> as the resolver calls it).</item>
/// <item><see cref="LoadAndBind"/>: the load part alone (a new load context, <c>LoadFromStream</c>, find the method,
/// prepare it, <c>CreateDelegate</c>, as the resolver's ArtifactBinder does).</item>
/// </list>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 60, invocationCount: 1)]
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class ResolverStartupBenchmarks
{
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max);
    }

    private delegate double RootImpl(double x);

    private delegate int TinyImpl(int x);

    private static readonly SpecDescriptor[] Specs = [new(ServedProject.Spec, "resolver start-up benchmark", false)];

    private ServedProject? _template;
    private byte[][] _images = [];
    private ManifestDocument? _manifest;
    private string _root = "";
    private string _directory = "";
    private PinRoute[] _routes = [];
    private SigilProject? _project;
    private int _serial;

    [GlobalSetup(Targets = [nameof(ProdDecision), nameof(Verify), nameof(LoadAndBind)])]
    public void Setup() => SetupCore("startup");

    [GlobalSetup(Target = nameof(ProdRegistrationBackground))]
    public void SetupBackground() => SetupCore("background");

    private void SetupCore(string timing)
    {
        if (Environment.GetEnvironmentVariable("SIGIL_PROJECT_DIR") is { Length: > 0 })
        {
            throw new InvalidOperationException("unset SIGIL_PROJECT_DIR: every iteration needs a project directory of its own");
        }
        _template = ServedProject.Create();
        _root = Directory.CreateTempSubdirectory("sigil-bench-startup-").FullName;
        _manifest = ManifestDocument.Parse(File.ReadAllBytes(_template.ManifestPath));
        _images = [.. _manifest.Pins.Select(p => File.ReadAllBytes(p.Artifact!.PathBeside(_template.ManifestPath)))];
        Environment.SetEnvironmentVariable(ResolverSettings.ModeVariable, "prod");
        Environment.SetEnvironmentVariable(ResolverSettings.ManifestVariable, _template.ManifestPath);
        Environment.SetEnvironmentVariable("SIGIL_TRACKER", "disabled");
        Environment.SetEnvironmentVariable(ResolverSettings.TimingVariable, timing);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _template?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>A new project directory trusting the manifest's key, and new routes for the two pins.</summary>
    [IterationSetup(Targets = [nameof(ProdDecision), nameof(ProdRegistrationBackground)])]
    public void NewProject()
    {
        _directory = Path.Combine(_root, (++_serial).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_directory);
        File.Copy(Path.Combine(_template!.Directory, TrustStore.FileName), Path.Combine(_directory, TrustStore.FileName));
        _routes =
        [
            new PinRoute(_template.FunctionIds["Root"], typeof(RootImpl)),
            new PinRoute(_template.FunctionIds["Tiny"], typeof(TinyImpl)),
        ];
    }

    [IterationCleanup(Targets = [nameof(ProdDecision), nameof(ProdRegistrationBackground)])]
    public void CheckServed()
    {
        if (!_project!.WaitForResolution(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException("the resolver made no decision within 30 s");
        }
        var status = _project.Resolution;
        if (status.Served.Count != 2 || _routes.Any(r => r.Served is null))
        {
            throw new InvalidOperationException($"the decision served {status.Served.Count} pin(s) (fallback: {status.FallbackReason}); log:\n"
                + string.Join("\n", _project.ResolverLog));
        }
    }

    [Benchmark]
    public SigilProject ProdDecision() => _project = PinRegistry.Initialize(_directory, Specs, _routes);

    [Benchmark]
    public SigilProject ProdRegistrationBackground() => _project = PinRegistry.Initialize(_directory, Specs, _routes);

    [Benchmark]
    public VerificationResult Verify()
    {
        var path = _template!.ManifestPath;
        var ids = _template.FunctionIds;
        var result = new ManifestVerifier(new TrustStore(_template.Directory)).Verify(File.ReadAllBytes(path), new VerificationOptions
        {
            CurrentAbiHash = id => ids.Values.Select(FunctionId.Parse).FirstOrDefault(f => f.QualifiedName == id.QualifiedName)?.AbiHash,
            ManifestPath = path,
            RequireArtifacts = true,
        });
        return result.Valid ? result : throw new InvalidOperationException($"{result.Code}: {result.Message}");
    }

    [Benchmark]
    public Delegate[] LoadAndBind()
    {
        var context = new AssemblyLoadContext("Sigil approved candidates", isCollectible: false);
        var delegates = new Delegate[_images.Length];
        for (var i = 0; i < _images.Length; i++)
        {
            var pin = _manifest!.Pins[i];
            var assembly = context.LoadFromStream(new MemoryStream(_images[i], writable: false));
            var type = assembly.GetType(pin.Artifact!.EntryType, throwOnError: true)!;
            var delegateType = pin.FunctionId.QualifiedName.StartsWith("Kernels.Root(", StringComparison.Ordinal) ? typeof(RootImpl) : typeof(TinyImpl);
            var invoke = delegateType.GetMethod("Invoke")!;
            var name = pin.FunctionId.QualifiedName[..pin.FunctionId.QualifiedName.IndexOf('(')];
            var method = type.GetMethod(name[(name.LastIndexOf('.') + 1)..], BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, null,
                [.. invoke.GetParameters().Select(p => p.ParameterType)], null)!;
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
            delegates[i] = method.CreateDelegate(delegateType);
        }
        return delegates;
    }
}
