using Sigil.Evaluation.Compilation;
using Sigil.Evaluation.Sandbox;
using Sigil.Evaluation.Tests.Support;

namespace Sigil.Evaluation.Tests.Compilation;

/// <summary>
/// The method-only fast path on real projects, run in real sandbox workers: a new body of a static pin compiles alone
/// (private fields, methods and nested types of its type included), runs beside the baseline app and gives the same
/// outputs as the whole-project build; anything else is left to the whole-project compiler.
/// </summary>
[TestClass]
public sealed class MethodOnlyCompilerTests
{
    private const string GeometryKey = "Geometry.cs";

    private static readonly PinMethod Area = new("TrackedApp.Geometry", "Area", ["System.Double"], IsStatic: true);
    private static readonly PinMethod Root = new("QuickStart.Kernels", "Root", ["System.Double"], IsStatic: true);

    private static ProjectSession s_tracked = null!;
    private static ProjectSession s_quickStart = null!;
    private static WorkerPool s_pool = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Open(TestContext context)
    {
        Environment.SetEnvironmentVariable("SIGIL_TRACKER", "disabled");
        s_tracked = await ProjectSession.OpenAsync(TrackedAppPath, cancellationToken: context.CancellationToken);
        s_quickStart = await ProjectSession.OpenAsync(QuickStartApp.ProjectPath, cancellationToken: context.CancellationToken);
        s_pool = new WorkerPool();
    }

    [ClassCleanup]
    public static async Task Close()
    {
        await s_pool.DisposeAsync();
        s_tracked.Dispose();
        s_quickStart.Dispose();
    }

    private static string TrackedAppPath => Path.Combine(QuickStartApp.RepositoryRoot, "tests", "Fixtures", "TrackedApp", "TrackedApp.csproj");

    [TestMethod]
    public async Task TryCompile_NewBodyUsingPrivateMembers_RunsInTheWorkerWithTheBaselinesOutputs()
    {
        var text = Replace(s_tracked, GeometryKey, "return Twice(shape.Radius) * shape.Radius * 1.5707963267948966;",
            "var r = shape.Radius; return Twice(r) * r * 1.5707963267948966 + 0.0 * Scale;");

        var compiled = new MethodOnlyCompiler(s_tracked).TryCompile(new Dictionary<string, string> { [GeometryKey] = text }, Area, out var whyNot, TestContext.CancellationToken);

        Assert.IsNotNull(compiled, whyNot);
        Assert.AreEqual("TrackedApp.SigilCandidateMethod", compiled.EntryTypeName);
        Assert.AreNotEqual("TrackedApp", compiled.AssemblyName);
        CollectionAssert.AreEqual(new[] { GeometryKey }, compiled.ChangedFiles.ToArray());
        var result = await EvaluateAsync(s_tracked, new SandboxPin("TrackedApp.Geometry", "Area", ["double"]), compiled, [0.5, 1, 2, 3.25, 10]);
        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches, "same outputs as the baseline on every sample");
        Assert.IsEmpty(result.CandidateExceptions);
        Assert.HasCount(5, result.Samples);
    }

    [TestMethod]
    public async Task TryCompile_RootWithTooFewSteps_SameVerdictsAsTheWholeProjectBuild()
    {
        var text = Replace(s_quickStart, QuickStartApp.KernelsKey, "i < 40;", "i < 4;");
        var sources = new Dictionary<string, string> { [QuickStartApp.KernelsKey] = text };
        var pin = new SandboxPin("QuickStart.Kernels", "Root", ["double"]);
        double[] inputs = [0, -1, 2, 49.5, 1e6];

        var fast = new MethodOnlyCompiler(s_quickStart).TryCompile(sources, Root, out var whyNot, TestContext.CancellationToken);
        var whole = (CompiledCandidate)new CandidateCompiler(s_quickStart).Compile(sources, TestContext.CancellationToken);

        Assert.IsNotNull(fast, whyNot);
        Assert.IsNull(whole.EntryTypeName);
        var fastResult = await EvaluateAsync(s_quickStart, pin, fast, inputs);
        var wholeResult = await EvaluateAsync(s_quickStart, pin, whole, inputs);
        Assert.IsTrue(fastResult.Succeeded && wholeResult.Succeeded, fastResult.Message + wholeResult.Message);
        // Four Newton steps are wrong except where Root returns 0 at once: both builds are wrong on the same samples.
        var verdicts = wholeResult.Samples.OrderBy(s => s.Index).Select(s => s.OutputsEqual).ToList();
        CollectionAssert.AreEqual(verdicts, fastResult.Samples.OrderBy(s => s.Index).Select(s => s.OutputsEqual).ToList());
        Assert.IsTrue(verdicts.Contains(true) && verdicts.Contains(false), string.Join(",", verdicts));
    }

    [TestMethod]
    public void TryCompile_OtherMemberChangedToo_LeftToTheWholeProjectCompiler()
    {
        var text = Replace(s_tracked, GeometryKey, "private static double Twice(double x) => x * Scale;", "private static double Twice(double x) => x * Scale * 1;");
        text = text.Replace("return Twice(shape.Radius)", "return 1 * Twice(shape.Radius)", StringComparison.Ordinal);

        var compiled = new MethodOnlyCompiler(s_tracked).TryCompile(new Dictionary<string, string> { [GeometryKey] = text }, Area, out var whyNot, TestContext.CancellationToken);

        Assert.IsNull(compiled);
        Assert.AreEqual("more than the pin's method changed", whyNot);
    }

    [TestMethod]
    public void TryCompile_BodyThatDoesNotCompile_LeftToTheWholeProjectCompilerWhichNamesTheError()
    {
        var text = Replace(s_tracked, GeometryKey, "return Twice(shape.Radius)", "return Thrice(shape.Radius)");
        var sources = new Dictionary<string, string> { [GeometryKey] = text };

        var fast = new MethodOnlyCompiler(s_tracked).TryCompile(sources, Area, out var whyNot, TestContext.CancellationToken);
        var whole = new CandidateCompiler(s_tracked).Compile(sources, TestContext.CancellationToken);

        Assert.IsNull(fast);
        StringAssert.Contains(whyNot, "CS0103");
        Assert.IsInstanceOfType<CompilationFailed>(whole);
        Assert.IsTrue(whole.Diagnostics.Any(d => d.Id == "CS0103" && d.File == GeometryKey), string.Join("\n", whole.Diagnostics));
    }

    [TestMethod]
    public void TryCompile_NothingChangedOrInstancePinOrUnknownPin_Null()
    {
        var compiler = new MethodOnlyCompiler(s_tracked);
        var changed = new Dictionary<string, string> { [GeometryKey] = Replace(s_tracked, GeometryKey, "1.5707963267948966", "1.57079632679489") };

        Assert.IsNull(compiler.TryCompile(new Dictionary<string, string>(), Area));
        Assert.IsNull(compiler.TryCompile(changed, Area with { IsStatic = false }));
        Assert.IsNull(compiler.TryCompile(changed, Area with { MethodName = "Perimeter" }));
        Assert.IsNotNull(compiler.TryCompile(changed, Area, out var whyNot), whyNot);
    }

    [TestMethod]
    public void TryCompile_MethodWithPreprocessorDirectives_LeftToTheWholeProjectCompiler()
    {
        var text = Replace(s_tracked, GeometryKey, "var shape = new Circle(radius);", "#if DEBUG\n        var shape = new Circle(radius);\n#else\n        var shape = new Circle(-radius);\n#endif");

        var compiled = new MethodOnlyCompiler(s_tracked).TryCompile(new Dictionary<string, string> { [GeometryKey] = text }, Area, out var whyNot, TestContext.CancellationToken);

        Assert.IsNull(compiled);
        Assert.AreEqual("the method holds preprocessor directives", whyNot);
    }

    [TestMethod]
    public async Task CompileBaselineMethod_Root_IsTheSideMethodOnlyCandidatesAreTimedAgainst()
    {
        var compiler = new MethodOnlyCompiler(s_quickStart);
        var pin = new SandboxPin("QuickStart.Kernels", "Root", ["double"]);
        double[] inputs = [2, 3, 10, 49.5, 1e6];
        var same = compiler.TryCompile(new Dictionary<string, string> { [QuickStartApp.KernelsKey] = Replace(s_quickStart, QuickStartApp.KernelsKey, "var guess = x / 2 + 1;", "var guess = x / 2 + 1.0;") }, Root, out var whyNot);
        Assert.IsNotNull(same, whyNot);

        var twin = compiler.CompileBaselineMethod(Root);
        // A deliberately wrong "baseline method" shows that the worker times and compares against the twin, not the app's copy.
        var wrong = compiler.TryCompile(new Dictionary<string, string> { [QuickStartApp.KernelsKey] = Replace(s_quickStart, QuickStartApp.KernelsKey, "i < 40;", "i < 4;") }, Root, out whyNot);

        Assert.IsNotNull(twin);
        Assert.IsNotNull(wrong, whyNot);
        StringAssert.EndsWith(twin.EntryTypeName, "SigilCandidateMethod");
        var against = await EvaluateAsync(s_quickStart, pin, same, inputs, twin);
        var againstWrong = await EvaluateAsync(s_quickStart, pin, same, inputs, wrong);
        Assert.IsTrue(against.Succeeded && againstWrong.Succeeded, against.Message + againstWrong.Message);
        Assert.AreEqual(0, against.Mismatches);
        Assert.AreEqual(inputs.Length, againstWrong.Mismatches);
    }

    private static string Replace(ProjectSession session, string key, string from, string to)
    {
        var text = session.Sources[key];
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private async Task<SandboxResult> EvaluateAsync(ProjectSession session, SandboxPin pin, CompiledCandidate candidate, double[] inputs, CompiledCandidate? baselineMethod = null)
    {
        var baseline = (CompiledCandidate)new CandidateCompiler(session).CompileBaseline(TestContext.CancellationToken);
        var appDirectory = Path.Combine(Path.GetDirectoryName(session.ProjectPath)!, "bin", "Debug", "net10.0");
        var samples = inputs.Select(x => (IReadOnlyList<string>)[x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var context = new SandboxContext(appDirectory, baseline.Image, pin, samples, null, baseline.Pdb);
        return await s_pool.EvaluateAsync(new SandboxJob(context, candidate.Image)
        {
            CandidatePdb = candidate.Pdb,
            CandidateEntryType = candidate.EntryTypeName,
            BaselineMethod = baselineMethod,
            Rounds = 3,
        }, TestContext.CancellationToken);
    }
}
