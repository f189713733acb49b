using Sigil.Evaluation.Sandbox;
using Sigil.Evaluation.Tests.Support;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>
/// Real worker processes (one warm pool for the class) evaluating candidates of a small Roslyn-built app: paired rounds,
/// seeded interleaving, output comparison, eval scores, exceptions, pin shapes (instance, async, void, app types,
/// nested types, dependencies) and the real QuickStart build output.
/// </summary>
[TestClass]
public sealed class WorkerPoolTests
{
    private static SandboxTestApp s_app = null!;
    private static WorkerPool s_pool = null!;
    private static SandboxContext s_sum = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartPool(TestContext context)
    {
        s_app = new SandboxTestApp();
        s_pool = new WorkerPool();
        s_sum = s_app.SumContext();
        await s_pool.PrepareAsync(s_sum, context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopPool()
    {
        await s_pool.DisposeAsync();
        s_app.Dispose();
    }

    [TestMethod]
    public async Task EvaluateAsync_FasterCorrectCandidate_OutputsEqualAndEveryRoundTimed()
    {
        var job = s_app.SumJob(s_sum, SandboxTestApp.FastSum, rounds: 5);

        var result = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(SandboxErrorClass.None, result.ErrorClass);
        Assert.AreEqual(5, result.Rounds);
        Assert.HasCount(5, result.CandidateRoundNs);
        Assert.IsTrue(result.BaselineRoundNs.All(ns => ns > 0) && result.CandidateRoundNs.All(ns => ns > 0));
        Assert.HasCount(5 * 40, result.BaselineLatencyNs);
        Assert.HasCount(5 * 40, result.CandidateLatencyNs);
        Assert.AreEqual(1, result.LatencyStride);
        Assert.HasCount(40, result.Samples);
        Assert.AreEqual(0, result.Mismatches);
        Assert.IsTrue(result.Samples.All(s => s.BaselineScore == 1 && s.CandidateScore == 1 && s.CandidateException is null));
        Assert.IsEmpty(result.CandidateExceptions);
        // 40 passes over the array against one: the candidate is faster in total whatever the noise.
        Assert.IsLessThan(result.BaselineRoundNs.Sum(), result.CandidateRoundNs.Sum());
        Assert.IsNotNull(result.Resources);
        Assert.IsGreaterThan(0L, result.Resources.PeakWorkingSetBytes);
        Assert.IsNotNull(result.Resources.CpuTime);
        Assert.IsTrue(result.ReturnsValue);
    }

    [TestMethod]
    public async Task EvaluateAsync_SameSeed_SameScheduleAndInterleaved()
    {
        var job = s_app.SumJob(s_sum, SandboxTestApp.FastSum, rounds: 4);

        var first = await s_pool.EvaluateAsync(job with { Seed = 11 }, TestContext.CancellationToken);
        var again = await s_pool.EvaluateAsync(job with { Seed = 11 }, TestContext.CancellationToken);
        var other = await s_pool.EvaluateAsync(job with { Seed = 12 }, TestContext.CancellationToken);

        Assert.AreEqual(first.ScheduleDigest, again.ScheduleDigest);
        CollectionAssert.AreEqual(first.FirstRoundOrder.ToList(), again.FirstRoundOrder.ToList());
        CollectionAssert.AreEqual(first.FirstRoundBaselineFirst.ToList(), again.FirstRoundBaselineFirst.ToList());
        Assert.AreNotEqual(first.ScheduleDigest, other.ScheduleDigest);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, 40).ToList(), first.FirstRoundOrder.ToList());
        CollectionAssert.AreNotEqual(Enumerable.Range(0, 40).ToList(), first.FirstRoundOrder.ToList(), "samples run in a shuffled order");
        Assert.IsTrue(first.FirstRoundBaselineFirst.Contains(true) && first.FirstRoundBaselineFirst.Contains(false), "A/B order varies");
    }

    [TestMethod]
    public async Task EvaluateAsync_WrongCandidate_MismatchesCountedAndScoredZero()
    {
        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_sum, "long s = 1; foreach (var x in v) s += x; return s;"), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(40, result.Mismatches);
        Assert.IsTrue(result.Samples.All(s => s.BaselineScore == 1 && s.CandidateScore == 0));
        StringAssert.Contains(result.Message, "40 of 40 outputs differ");
    }

    [TestMethod]
    public async Task EvaluateAsync_ThrowingCandidate_ExceptionsCountedPerType()
    {
        const string body = "if ((v[0] & 1) == 0) throw new InvalidOperationException(\"even\"); long s = 0; foreach (var x in v) s += x; return s;";

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_sum, body, rounds: 3), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        var throwing = result.Samples.Where(s => s.CandidateException is not null).ToList();
        Assert.IsNotEmpty(throwing);
        Assert.AreEqual(3 * throwing.Count, result.CandidateExceptions["System.InvalidOperationException"]);
        Assert.IsTrue(throwing.All(s => !s.OutputsEqual && s.CandidateScore is null && s.CandidateExceptionMessage == "even" && s.BaselineException is null));
        Assert.AreEqual(throwing.Count, result.Mismatches);
    }

    [TestMethod]
    public async Task EvaluateAsync_SampleSubset_RunsOnlyThoseSamples()
    {
        var job = s_app.SumJob(s_sum, SandboxTestApp.FastSum, rounds: 2) with { SampleIndices = [7, 3, 5] };

        var result = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { 3, 5, 7 }, result.Samples.Select(s => s.Index).ToArray());
        CollectionAssert.AreEquivalent(new[] { 3, 5, 7 }, result.FirstRoundOrder.ToArray());
        Assert.HasCount(2 * 3, result.CandidateLatencyNs);
    }

    [TestMethod]
    public async Task EvaluateAsync_SampleIndexOutOfRange_ThrowsArgumentException()
    {
        var job = s_app.SumJob(s_sum, SandboxTestApp.FastSum) with { SampleIndices = [40] };

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => s_pool.EvaluateAsync(job, TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task EvaluateAsync_ManyLatencies_KeptWithAnEvenStride()
    {
        await using var pool = new WorkerPool(new SandboxOptions { MaxLatencies = 50 });
        var result = await pool.EvaluateAsync(s_app.SumJob(s_sum, SandboxTestApp.FastSum, rounds: 5), TestContext.CancellationToken);

        Assert.AreEqual(4, result.LatencyStride);
        Assert.HasCount(50, result.CandidateLatencyNs);
        Assert.HasCount(5, result.CandidateRoundNs);
    }

    [TestMethod]
    public async Task EvaluateAsync_CandidateWithAnotherAssemblyName_LoadFailed()
    {
        var job = new SandboxJob(s_sum, s_app.CompileAs("Other", SandboxTestApp.FastSum).Image) { IsChangedCode = name => name == "Demo.K::Sum" };

        var result = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.LoadFailed, result.ErrorClass);
        Assert.AreEqual("load-failed", result.ErrorCode);
        StringAssert.Contains(result.Message, "'Other'");
    }

    [TestMethod]
    public async Task EvaluateAsync_NotAnAssembly_LoadFailed()
    {
        var result = await s_pool.EvaluateAsync(new SandboxJob(s_sum, [1, 2, 3, 4]), TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.LoadFailed, result.ErrorClass);
        Assert.AreEqual(0, result.Rounds);
    }

    [TestMethod]
    public async Task EvaluateAsync_PinChangedShape_LoadFailed()
    {
        // The candidate's Sum takes a long[]: the pin (int[]) no longer resolves.
        var source = s_app.CompileWithSum("public static long Sum(long[] v) => v.Sum();");
        var result = await s_pool.EvaluateAsync(new SandboxJob(s_sum, source.Image) { IsChangedCode = name => name == "Demo.K::Sum" }, TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.LoadFailed, result.ErrorClass);
        StringAssert.Contains(result.Message, "Sum(int[])");
    }

    [TestMethod]
    public async Task PrepareAsync_PinMissing_ThrowsSandboxContextExceptionNamingIt()
    {
        var context = Context(new SandboxPin("Demo.K", "Nope"), [["1"]]);

        var error = await Assert.ThrowsExactlyAsync<SandboxContextException>(() => s_pool.PrepareAsync(context, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "Demo.K.Nope");
    }

    [TestMethod]
    public async Task PrepareAsync_SampleDoesNotFit_ThrowsSandboxContextExceptionNamingTheSample()
    {
        var context = Context(new SandboxPin("Demo.K", "Sum", ["int[]"]), [["[1,2]"], ["\"text\""]]);

        var error = await Assert.ThrowsExactlyAsync<SandboxContextException>(() => s_pool.PrepareAsync(context, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "Sample 1, argument 1");
        StringAssert.Contains(error.Message, "int[]");
    }

    [TestMethod]
    public async Task PrepareAsync_InstancePinWithoutParameterlessConstructor_FailsClearly()
    {
        var context = Context(new SandboxPin("Demo.NeedsArgument", "Get", [], IsStatic: false), [[]]);

        var error = await Assert.ThrowsExactlyAsync<SandboxContextException>(() => s_pool.PrepareAsync(context, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "no parameterless constructor");
    }

    [TestMethod]
    public async Task PrepareAsync_SpanParameter_FailsClearly()
    {
        var context = Context(new SandboxPin("Demo.K", "First"), [["[1]"]]);

        var error = await Assert.ThrowsExactlyAsync<SandboxContextException>(() => s_pool.PrepareAsync(context, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "span");
    }

    [TestMethod]
    public async Task EvaluateAsync_AppOnTheAspNetCoreSharedFramework_ItsAssembliesResolved()
    {
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var aspnet = Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App", runtime.Name, "Microsoft.Extensions.Primitives.dll");
        if (!File.Exists(aspnet)) Assert.Inconclusive("the ASP.NET Core shared framework " + runtime.Name + " is not installed");
        var directory = Path.Combine(s_app.Root, "web");
        Directory.CreateDirectory(directory);
        var (image, _) = SandboxTestApp.Emit("Web",
            "namespace Web; public static class W { public static int Length(string s) => new Microsoft.Extensions.Primitives.StringSegment(s).Length; }",
            [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(aspnet)]);
        await File.WriteAllBytesAsync(Path.Combine(directory, "Web.dll"), image, TestContext.CancellationToken);
        var context = new SandboxContext(directory, image, new SandboxPin("Web.W", "Length", ["string"]), [["\"abc\""]]);

        var result = await s_pool.EvaluateAsync(new SandboxJob(context, image) { Rounds = 1 }, TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.IsEmpty(result.CandidateExceptions);
    }

    [TestMethod]
    public async Task EvaluateAsync_InstancePinWithPrivateConstructor_Called()
    {
        var result = await Evaluate(new SandboxPin("Demo.Counter", "Add", ["int", "int"], IsStatic: false), [["1", "2"], ["40", "2"]]);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.HasCount(2, result.Samples);
    }

    [TestMethod]
    public async Task EvaluateAsync_AsyncPin_AwaitedAndCompared()
    {
        var result = await Evaluate(new SandboxPin("Demo.K", "NextAsync", ["int"]), [["1"], ["2"], ["3"]]);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.IsEmpty(result.CandidateExceptions);
    }

    [TestMethod]
    public async Task EvaluateAsync_VoidPin_EvalScoresTheArgumentsAsTheCallLeftThem()
    {
        var result = await Evaluate(new SandboxPin("Demo.K", "Negate", ["int[]"]), [["[1,2,3]"], ["[4]"]], new SandboxEval("Demo.K", "AllNegative"));

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.IsFalse(result.ReturnsValue);
        Assert.IsTrue(result.Samples.All(s => s.OutputsEqual && s.BaselineScore == 1 && s.CandidateScore == 1));
    }

    [TestMethod]
    public async Task EvaluateAsync_AppTypesInTheSignature_ComparedThroughJson()
    {
        var result = await Evaluate(new SandboxPin("Demo.K", "Mid", ["Demo.Point", "Demo.Point"]), [["{\"X\":0,\"Y\":2}", "{\"X\":4,\"Y\":6}"]]);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
    }

    [TestMethod]
    public async Task EvaluateAsync_BothSidesThrowTheSameType_OutputsEqual()
    {
        var result = await Evaluate(new SandboxPin("Demo.K", "Parse", ["string"]), [["\"12\""], ["\"twelve\""]]);

        Assert.AreEqual(0, result.Mismatches);
        Assert.AreEqual("System.FormatException", result.Samples[1].BaselineException);
        Assert.AreEqual("System.FormatException", result.Samples[1].CandidateException);
    }

    [TestMethod]
    public async Task EvaluateAsync_NestedTypeAndDependencyInTheAppDirectory_Resolved()
    {
        var nested = await Evaluate(new SandboxPin("Demo.Outer+Inner", "Square", ["System.Int32"]), [["3"]]);
        var dependency = await Evaluate(new SandboxPin("Demo.K", "Twice", ["int"]), [["21"]]);

        Assert.IsTrue(nested.Succeeded, nested.Message);
        Assert.IsTrue(dependency.Succeeded, dependency.Message);
        Assert.AreEqual(0, nested.Mismatches + dependency.Mismatches);
    }

    [TestMethod]
    public async Task EvaluateAsync_UnchangedAppCodeUsesFiles_OnlyTheChangedCodeIsChecked()
    {
        var job = s_app.SumJob(s_sum, SandboxTestApp.FastSum, rounds: 1);

        var changedOnly = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);
        var wholeImage = await s_pool.EvaluateAsync(job with { IsChangedCode = null }, TestContext.CancellationToken);

        Assert.IsTrue(changedOnly.Succeeded, changedOnly.Message);
        Assert.AreEqual(SandboxErrorClass.PolicyViolation, wholeImage.ErrorClass);
        Assert.IsTrue(wholeImage.PolicyViolations.Any(v => v.Location == "Demo.Io::Save" && v.Capability == ApiCapability.FileSystem));
    }

    [TestMethod]
    public async Task EvaluateAsync_ManyCandidatesInOneWorker_TheirLoadContextsUnload()
    {
        await using var pool = new WorkerPool();
        var retained = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var result = await pool.EvaluateAsync(s_app.SumJob(s_sum, $"long s = {i} - {i}; foreach (var x in v) s += x; return s;", rounds: 1), TestContext.CancellationToken);
            Assert.IsTrue(result.Succeeded, result.Message);
            retained.Add(result.WorkerRetainedContexts);
        }

        Assert.IsLessThanOrEqualTo(1, retained.Max(), "earlier candidates stay loaded: " + string.Join(",", retained));
        Assert.AreEqual(1, pool.Statistics.WorkersStarted);
    }

    [TestMethod]
    public async Task EvaluateAsync_QuickStartBuildOutput_LoadsWithItsDependencies()
    {
        var appDirectory = Path.GetDirectoryName(QuickStartApp.BuiltAssemblyPath)!;
        var image = await File.ReadAllBytesAsync(QuickStartApp.BuiltAssemblyPath, TestContext.CancellationToken);
        var context = new SandboxContext(appDirectory, image, new SandboxPin("QuickStart.Kernels", "SumOfSquares", ["int[]"]),
            [["[1,2,3]"], ["[-4,5]"], ["[]"]], new SandboxEval("QuickStart.Kernels", "SumIsExact"));
        await using var pool = new WorkerPool();

        var result = await pool.EvaluateAsync(new SandboxJob(context, image) { Rounds = 2, IsChangedCode = _ => false }, TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.IsTrue(result.Samples.All(s => s.BaselineScore == 1 && s.CandidateScore == 1));
    }

    [TestMethod]
    public async Task Describe_AfterAWorkerStarted_SaysWhatIsInForce()
    {
        var lines = s_pool.Describe();

        Assert.AreEqual(s_pool.Isolation.Summary, lines[0]);
        StringAssert.StartsWith(lines[1], "limits: 30 s per evaluation, 512 MiB managed heap, +1 GiB address space");
        if (OperatingSystem.IsLinux()) CollectionAssert.Contains(lines.ToList(), "process start: blocked (seccomp)");
        Assert.IsGreaterThanOrEqualTo(1, s_pool.Statistics.WorkersStarted);
        Assert.IsNotNull(s_pool.Statistics.LastStartupTime);
        await Task.CompletedTask;
    }

    [TestMethod]
    public async Task EvaluateAsync_ThousandSamplesTenRounds_CompletesAndReportsTimings()
    {
        var context = s_app.SumContext(count: 1000, length: 16, seed: 3);
        var pinTiming = System.Diagnostics.Stopwatch.StartNew();
        await s_pool.PrepareAsync(context, TestContext.CancellationToken);
        var prepare = pinTiming.Elapsed;
        var job = s_app.SumJob(context, SandboxTestApp.FastSum, rounds: 10) with { WarmupCalls = 64 };

        var first = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);
        var second = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);

        Assert.IsTrue(second.Succeeded, second.Message);
        Assert.HasCount(1000, second.Samples);
        Assert.AreEqual(10, second.Rounds);
        Assert.HasCount(10_000, second.CandidateLatencyNs);
        TestContext.WriteLine($"isolation: {s_pool.Isolation.Summary}");
        TestContext.WriteLine($"worker cold start: {s_pool.Statistics.LastStartupTime?.TotalMilliseconds:F0} ms; prepare 1,000 samples: {prepare.TotalMilliseconds:F0} ms");
        TestContext.WriteLine($"evaluate 1,000 samples x 10 rounds: round trip {first.Elapsed.TotalMilliseconds:F0} ms (first), {second.Elapsed.TotalMilliseconds:F0} ms (second); worker {second.WorkerElapsed.TotalMilliseconds:F0} ms");
        TestContext.WriteLine($"median call: baseline {Median(second.BaselineLatencyNs)} ns, candidate {Median(second.CandidateLatencyNs)} ns; allocated {second.Resources!.AllocatedBytes} B; cpu {second.Resources.CpuTime?.TotalMilliseconds:F1} ms; peak working set {second.Resources.PeakWorkingSetBytes / (1024 * 1024)} MiB");
    }

    private static long Median(IReadOnlyList<long> values) => values.Order().ElementAt(values.Count / 2);

    private static SandboxContext Context(SandboxPin pin, IReadOnlyList<IReadOnlyList<string>> samples, SandboxEval? eval = null) =>
        new(s_app.AppDirectory, s_app.Baseline.Image, pin, samples, eval);

    /// <summary>Evaluates the baseline image itself as the candidate (a fresh compilation of the same source).</summary>
    private async Task<SandboxResult> Evaluate(SandboxPin pin, IReadOnlyList<IReadOnlyList<string>> samples, SandboxEval? eval = null)
    {
        var candidate = s_app.Compile(SandboxTestApp.SlowSum);
        return await s_pool.EvaluateAsync(new SandboxJob(Context(pin, samples, eval), candidate.Image) { Rounds = 2, IsChangedCode = _ => false },
            TestContext.CancellationToken);
    }
}
