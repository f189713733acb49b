using Sigil.Evaluation.Sandbox;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>The pool's life: missing pieces, isolation off, concurrent workers, cancellation, crashes, and disposal.</summary>
[TestClass]
public sealed class WorkerPoolLifecycleTests
{
    private static SandboxTestApp s_app = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void MakeApp(TestContext _) => s_app = new SandboxTestApp();

    [ClassCleanup]
    public static void RemoveApp() => s_app.Dispose();

    [TestMethod]
    public void Constructor_WorkerMissing_SandboxUnavailableSayingWhere()
    {
        var path = Path.Combine(Path.GetTempPath(), "nowhere", "Sigil.Worker.dll");

        var error = Assert.ThrowsExactly<SandboxUnavailableException>(() => new WorkerPool(new SandboxOptions { WorkerPath = path }));

        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void Constructor_DefaultOptions_WorkerFoundNextToSigilEvaluation()
    {
        var pool = new WorkerPool();

        Assert.AreEqual(30, pool.Options.WallTimeLimit.TotalSeconds);
        Assert.AreEqual(512L * 1024 * 1024, pool.Options.HeapLimitBytes);
        Assert.AreEqual(IsolationMode.Auto, pool.Options.Isolation);
        Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(typeof(WorkerPool).Assembly.Location)!, "Sigil.Worker.dll")));
        Assert.AreEqual(0, pool.Statistics.WorkersStarted, "workers start on first use");
    }

    [TestMethod]
    public async Task EvaluateAsync_IsolationOff_RunsAndSaysSo()
    {
        await using var pool = new WorkerPool(new SandboxOptions { Isolation = IsolationMode.Off });

        var result = await pool.EvaluateAsync(s_app.SumJob(s_app.SumContext(count: 5), SandboxTestApp.FastSum), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(IsolationKind.None, pool.Isolation.Kind);
        StringAssert.StartsWith(pool.Describe()[0], "isolation: off");
    }

    [TestMethod]
    public async Task EvaluateAsync_WorkerStartedFromAThreadThatHasEnded_StillAlive()
    {
        // bubblewrap's --die-with-parent is tied to the thread that started the worker: a thread-pool thread retired
        // between two evaluations used to take a healthy worker down with it (SIGKILL, reported as a crash).
        await using var pool = new WorkerPool();
        var context = s_app.SumContext(count: 5);
        Exception? failure = null;
        var starter = new Thread(() =>
        {
            try
            {
                pool.PrepareAsync(context, TestContext.CancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        starter.Start();
        starter.Join();
        Assert.IsNull(failure, failure?.ToString());
        await Task.Delay(500, TestContext.CancellationToken); // the kernel delivers the death signal when the thread exits

        var result = await pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(1, pool.Statistics.WorkersStarted, "the same worker served both requests");
    }

    [TestMethod]
    public async Task EvaluateAsync_TwoWorkersTwoJobsAtOnce_BothRunOnTheirOwnWorker()
    {
        await using var pool = new WorkerPool(new SandboxOptions { Workers = 2 });
        var context = s_app.SumContext(count: 10);
        await pool.PrepareAsync(context, TestContext.CancellationToken);

        var results = await Task.WhenAll(
            pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum), TestContext.CancellationToken),
            pool.EvaluateAsync(s_app.SumJob(context, "return 0;"), TestContext.CancellationToken));

        Assert.IsTrue(results.All(r => r.Succeeded));
        Assert.AreEqual(0, results[0].Mismatches);
        Assert.AreEqual(10, results[1].Mismatches);
        Assert.AreEqual(2, pool.Statistics.WorkersStarted);
    }

    [TestMethod]
    public async Task EvaluateAsync_CancelledWhileTheCandidateLoops_ThrowsAndTheNextJobRuns()
    {
        await using var pool = new WorkerPool();
        var context = s_app.SumContext(count: 5);
        await pool.PrepareAsync(context, TestContext.CancellationToken);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<OperationCanceledException>(() => pool.EvaluateAsync(s_app.SumJob(context, "while (true) { }"), cancel.Token));
        var next = await pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum), TestContext.CancellationToken);

        Assert.IsTrue(next.Succeeded, next.Message);
        Assert.AreEqual(1, pool.Statistics.WorkersReplaced);
    }

    [TestMethod]
    public async Task EvaluateAsync_PolicyAllowsMoreThanPureComputation_WorkerReplacedAfterTheJob()
    {
        await using var pool = new WorkerPool();
        var context = s_app.SumContext(count: 5);

        var pure = await pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum), TestContext.CancellationToken);
        var replacedAfterPure = pool.Statistics.WorkersReplaced;
        var relaxed = await pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum, new ApiPolicy(ApiCapability.Threading)), TestContext.CancellationToken);
        var next = await pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum), TestContext.CancellationToken);

        Assert.IsTrue(pure.Succeeded && relaxed.Succeeded && next.Succeeded);
        Assert.AreEqual(0, replacedAfterPure);
        Assert.AreEqual(1, pool.Statistics.WorkersReplaced);
        Assert.AreEqual(2, pool.Statistics.WorkersStarted);
    }

    [TestMethod]
    public async Task EvaluateAsync_CandidateFailsFast_CrashWithTheRuntimeMessage()
    {
        await using var pool = new WorkerPool();
        var context = s_app.SumContext(count: 5);
        var job = s_app.SumJob(context, "Environment.FailFast(\"sigil-fail-fast\"); return 0;", new ApiPolicy(ApiCapability.Environment));

        var result = await pool.EvaluateAsync(job, TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.Crash, result.ErrorClass, result.Message);
        StringAssert.Contains(result.Message, "exit code");
        StringAssert.Contains(result.WorkerDiagnostics, "sigil-fail-fast");
        Assert.IsTrue((await pool.EvaluateAsync(s_app.SumJob(context, SandboxTestApp.FastSum), TestContext.CancellationToken)).Succeeded);
    }

    [TestMethod]
    public async Task DisposeAsync_WithWarmWorkers_EveryWorkerProcessIsGone()
    {
        var pool = new WorkerPool(new SandboxOptions { Workers = 2 });
        await pool.PrepareAsync(s_app.SumContext(count: 3), TestContext.CancellationToken);
        var before = WorkerProcesses();

        await pool.DisposeAsync();

        Assert.IsGreaterThanOrEqualTo(2, before.Count);
        // The killed trees' inner processes (inside bubblewrap's PID namespace) go a moment after their parents.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!before.All(HasExited) && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.CancellationToken);
        Assert.IsTrue(before.All(HasExited), "a worker outlived its pool");
        await Assert.ThrowsExactlyAsync<ObjectDisposedException>(() => pool.EvaluateAsync(s_app.SumJob(s_app.SumContext(count: 3), SandboxTestApp.FastSum)));
    }

    /// <summary>Ids of this process's children running Sigil.Worker.dll (from /proc).</summary>
    private static List<int> WorkerProcesses()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("reads /proc");
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Where(pid => Read($"/proc/{pid}/cmdline").Contains("Sigil.Worker.dll", StringComparison.Ordinal)
                && IsDescendant(pid!, self))
            .Select(pid => int.Parse(pid!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static bool IsDescendant(string pid, string ancestor)
    {
        for (var current = pid; current is not null and not "0" and not "1";)
        {
            if (current == ancestor) return true;
            var stat = Read($"/proc/{current}/stat");
            var fields = stat.Length == 0 ? [] : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            current = fields.Length > 1 ? fields[1] : null;
        }

        return false;
    }

    private static bool HasExited(int pid) => !Directory.Exists($"/proc/{pid}") || Read($"/proc/{pid}/stat").Contains(") Z", StringComparison.Ordinal);

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
