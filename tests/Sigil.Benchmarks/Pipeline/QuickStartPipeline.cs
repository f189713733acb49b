using System.Diagnostics;
using System.Text.Json;
using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Benchmarks.Pipeline;

/// <summary>
/// The real parts a run uses to evaluate one candidate of a QuickStart pin, set up once and kept warm: the project opened
/// with <see cref="ProjectSession"/> (samples/QuickStart/QuickStart.csproj, as <c>sigil run</c> opens it), a
/// <see cref="CandidateCompiler"/>, a default <see cref="WorkerPool"/> (default isolation: bubblewrap when installed) and a
/// <see cref="SandboxContext"/> with 1,000 samples of the pin as raw JSON, like the tracker stores them.
/// <see cref="EvaluateAsync"/> does what <c>Sigil.Runs.Evaluation.PinEvaluator</c> does for one candidate: compile,
/// sandboxed paired evaluation (policy over the changed file's types, the run's seed and rounds, default warm-up), and
/// <see cref="AcceptanceRule.Decide"/> over the evidence (<see cref="RunEvidence"/>).
/// </summary>
internal sealed class QuickStartPipeline : IAsyncDisposable
{
    public const string KernelsKey = "Kernels.cs";
    private const string KernelsType = "QuickStart.Kernels";

    private readonly string _kernels;

    private QuickStartPipeline(ProjectSession session, CandidateCompiler compiler, CompiledCandidate baseline, WorkerPool pool, PinKind pin,
        SandboxContext context, TimeSpan openElapsed, TimeSpan prepareElapsed)
    {
        Session = session;
        Compiler = compiler;
        Baseline = baseline;
        Pool = pool;
        Pin = pin;
        Context = context;
        OpenElapsed = openElapsed;
        PrepareElapsed = prepareElapsed;
        _kernels = session.Sources[KernelsKey];
        _methodOnly = new MethodOnlyCompiler(session);
    }

    private readonly MethodOnlyCompiler _methodOnly;

    /// <summary>Compile as a run does: the method alone when only the pin changed (default), else the whole project; false: always the whole project.</summary>
    public bool UseMethodOnly { get; set; } = true;

    /// <summary>Time method-only candidates against the baseline's method compiled alike (as a run does); false: against the app's copy.</summary>
    public bool UseBaselineMethod { get; set; } = true;

    private CompiledCandidate? _baselineMethod;

    private PinMethod PinMethod => new(KernelsType, Pin.ToString(), Pin == PinKind.Root ? ["System.Double"] : ["System.Int32[]"], IsStatic: true);

    public ProjectSession Session { get; }

    public CandidateCompiler Compiler { get; }

    public CompiledCandidate Baseline { get; }

    public WorkerPool Pool { get; }

    public PinKind Pin { get; }

    public SandboxContext Context { get; }

    /// <summary>ProjectSession.OpenAsync plus the baseline's compile.</summary>
    public TimeSpan OpenElapsed { get; }

    /// <summary>Starting the worker and preparing the context on it (baseline loaded, samples checked).</summary>
    public TimeSpan PrepareElapsed { get; }

    public bool HasEval => Context.Eval is not null;

    /// <summary>The machine, for the record: processors, CPU model, .NET, and the 1/5/15-minute load averages now.</summary>
    public static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} processors, {model ?? "unknown CPU"}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {LoadAverage()}";
    }

    /// <summary>The first three fields of /proc/loadavg (other processes share this machine).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The repository root (the folder holding Sigil.sln) above this program.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static async Task<QuickStartPipeline> OpenAsync(PinKind pin, int sampleCount, int sampleSeed, TextWriter log, CancellationToken ct = default)
    {
        var projectPath = Path.Combine(RepositoryRoot, "samples", "QuickStart", "QuickStart.csproj");
        log.WriteLine("# machine: " + Machine());
        var watch = Stopwatch.StartNew();
        var session = await ProjectSession.OpenAsync(projectPath, null, new Progress<string>(_ => { }), ct);
        try
        {
            var compiler = new CandidateCompiler(session);
            if (compiler.CompileBaseline(ct) is not CompiledCandidate baseline)
            {
                throw new InvalidOperationException("samples/QuickStart does not compile as it is.");
            }
            var openElapsed = watch.Elapsed;
            var output = session.OutputFilePath;
            if (output is null || !File.Exists(output))
            {
                throw new InvalidOperationException($"QuickStart is not built ({output ?? "no output path"} is missing): run 'dotnet build Sigil.sln' first.");
            }

            var context = pin switch
            {
                PinKind.SumOfSquares => new SandboxContext(Path.GetDirectoryName(output)!, baseline.Image,
                    new SandboxPin(KernelsType, "SumOfSquares", ["int[]"]), SumOfSquaresSamples(sampleCount, sampleSeed),
                    new SandboxEval(KernelsType, "SumIsExact"), baseline.Pdb),
                _ => new SandboxContext(Path.GetDirectoryName(output)!, baseline.Image,
                    new SandboxPin(KernelsType, "Root", ["double"]), RootSamples(sampleCount, sampleSeed),
                    new SandboxEval(KernelsType, "RootError"), baseline.Pdb),
            };
            var pool = new WorkerPool();
            try
            {
                watch.Restart();
                await pool.PrepareAsync(context, ct);
                var prepareElapsed = watch.Elapsed;
                log.WriteLine($"# opened {Path.GetFileName(projectPath)} in {openElapsed.TotalMilliseconds:F0} ms (session {session.OpenElapsed.TotalMilliseconds:F0} ms + baseline compile {baseline.Elapsed.TotalMilliseconds:F0} ms); "
                    + $"worker started and context prepared in {prepareElapsed.TotalMilliseconds:F0} ms; pin {pin}, {context.Samples.Count} samples");
                foreach (var line in pool.Describe())
                {
                    log.WriteLine("# sandbox " + line);
                }
                return new QuickStartPipeline(session, compiler, baseline, pool, pin, context, openElapsed, prepareElapsed);
            }
            catch
            {
                await pool.DisposeAsync();
                throw;
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Kernels.cs with the pin's body replaced. SumOfSquares: one of four correct bodies (foreach, for, LINQ, unrolled by
    /// two) picked by <paramref name="variant"/>. Root: the Newton loop runs <paramref name="newtonSteps"/> steps instead of
    /// 40. Every text carries <paramref name="tag"/> in a comment and in an identifier, so each compile is real and every
    /// candidate's image differs.
    /// </summary>
    public string CandidateSource(long tag, int variant = 0, int newtonSteps = 40)
    {
        return Pin switch
        {
            PinKind.SumOfSquares => Replace(
                "public static long SumOfSquares(int[] values) => values.Select(v => (long)v * v).Sum();",
                "public static long SumOfSquares(int[] values)\n    {\n        // candidate " + tag + "\n        " + SumBody(tag, variant) + "\n    }"),
            _ => Replace(
                "for (var i = 0; i < 40; i++)",
                $"// candidate {tag}\n        for (var step{tag} = 0; step{tag} < {newtonSteps}; step{tag}++)"),
        };
    }

    private static string SumBody(long tag, int variant) => (variant % 4) switch
    {
        0 => $"long acc{tag} = 0; foreach (var v in values) acc{tag} += (long)v * v; return acc{tag};",
        1 => $"long acc{tag} = 0; for (var i = 0; i < values.Length; i++) acc{tag} += (long)values[i] * values[i]; return acc{tag};",
        2 => $"var acc{tag} = values.Select(v => (long)v * v).Sum(); return acc{tag};",
        _ => $"long acc{tag} = 0, odd = 0; var i = 0; for (; i + 1 < values.Length; i += 2) {{ acc{tag} += (long)values[i] * values[i]; odd += (long)values[i + 1] * values[i + 1]; }} if (i < values.Length) acc{tag} += (long)values[i] * values[i]; return acc{tag} + odd;",
    };

    private string Replace(string baseline, string replacement)
    {
        if (!_kernels.Contains(baseline, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"samples/QuickStart/Kernels.cs no longer contains '{baseline}': update Pipeline/QuickStartPipeline.cs.");
        }
        return _kernels.Replace(baseline, replacement, StringComparison.Ordinal);
    }

    /// <summary>Compiles one candidate (Kernels.cs replaced).</summary>
    public CompiledCandidate Compile(string kernels, CancellationToken ct = default)
    {
        var pin = PinMethod;
        if (UseMethodOnly)
        {
            return _methodOnly.TryCompile(new Dictionary<string, string> { [KernelsKey] = kernels }, pin, out var whyNot, ct)
                ?? throw new InvalidOperationException("The method-only path does not apply to a benchmark candidate: " + whyNot);
        }
        var result = Compiler.Compile(new Dictionary<string, string> { [KernelsKey] = kernels }, ct);
        return result as CompiledCandidate
            ?? throw new InvalidOperationException("A benchmark candidate does not compile:\n" + ((CompilationFailed)result).Feedback + "\n" + kernels);
    }

    /// <summary>The sandbox job a run sends for a compiled candidate (PinEvaluator.RunAsync).</summary>
    public SandboxJob Job(CompiledCandidate image, int rounds, int seed, IReadOnlyList<int>? sampleIndices = null) =>
        new(Context, image.Image)
        {
            CandidatePdb = image.Pdb,
            CandidateEntryType = image.EntryTypeName,
            BaselineMethod = image.EntryTypeName is not null && UseBaselineMethod ? _baselineMethod ??= _methodOnly.CompileBaselineMethod(PinMethod) : null,
            Rounds = rounds,
            Seed = seed,
            SampleIndices = sampleIndices,
            Policy = ApiPolicy.PureComputation,
            // ChangedCode.Predicate: every method of every type declared in a changed file (Kernels.cs declares one).
            // A method-only image is all candidate code: the whole of it is checked.
            IsChangedCode = image.EntryTypeName is not null ? null : name => (name.IndexOf("::", StringComparison.Ordinal) is var at and >= 0 ? name[..at] : name) == KernelsType,
        };

    /// <summary>Sandbox + acceptance rule for one compiled candidate; the decision is null below the rule's minimum rounds.</summary>
    public async Task<(SandboxResult Result, AcceptanceDecision? Decision, TimeSpan DecideElapsed)> EvaluateAsync(SandboxJob job, CancellationToken ct = default)
    {
        var result = await Pool.EvaluateAsync(job, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"A benchmark candidate failed in the sandbox ({result.ErrorCode}): {result.Message} {result.WorkerDiagnostics}");
        }
        if (result.Rounds < PairedTiming.MinimumRounds)
        {
            return (result, null, TimeSpan.Zero);
        }
        var watch = Stopwatch.StartNew();
        var decision = AcceptanceRule.Decide(RunEvidence.From(result, HasEval), AcceptanceCriteria.Default);
        return (result, decision, watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        Session.Dispose();
    }

    /// <summary>int[16] arrays of values in [-1000, 1000), seeded, as System.Text.Json writes them (the tracker's raw form).</summary>
    private static List<IReadOnlyList<string>> SumOfSquaresSamples(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (IReadOnlyList<string>)[JsonSerializer.Serialize(Enumerable.Range(0, 16).Select(_ => random.Next(-1000, 1000)).ToArray())])];
    }

    /// <summary>Doubles log-uniform in [1e-3, 1e6], seeded, as raw JSON.</summary>
    private static List<IReadOnlyList<string>> RootSamples(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (IReadOnlyList<string>)[JsonSerializer.Serialize(Math.Pow(10, -3 + 9 * random.NextDouble()))])];
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigil.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Sigil.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The QuickStart pin a pipeline benchmark evaluates.</summary>
internal enum PinKind
{
    SumOfSquares,
    Root,
}
