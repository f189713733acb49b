using Sigil.Evaluation.Sandbox;
using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>One worker process under each launch mode: it starts, says what protections took effect, and answers.</summary>
[TestClass]
public sealed class WorkerProcessTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(IsolationKind.None)]
    [DataRow(IsolationKind.NetworkNamespace)]
    [DataRow(IsolationKind.Bubblewrap)]
    public async Task StartAsync_EachIsolation_ReadyAndAnswersPing(IsolationKind kind)
    {
        var isolation = Isolation(kind);
        var launch = Launch(isolation, new SandboxOptions());

        await using var worker = await WorkerProcess.StartAsync(launch, Path.GetTempPath().TrimEnd('/'), TimeSpan.FromSeconds(20), TestContext.CancellationToken);
        var pong = await worker.ExchangeAsync(id => new WorkerRequest { Id = id, Type = WorkerMessageTypes.Ping }, TimeSpan.FromSeconds(5), TestContext.CancellationToken);

        Assert.AreEqual(WorkerMessageTypes.Pong, pong.Type);
        if (OperatingSystem.IsLinux())
        {
            Assert.IsTrue(worker.Hello.ExecBlocked, string.Join("; ", worker.Hello.Notes));
            Assert.IsTrue(worker.Hello.StdioGuarded, string.Join("; ", worker.Hello.Notes));
            Assert.IsNotNull(worker.Hello.AddressSpaceLimitBytes);
        }

        if (kind == IsolationKind.Bubblewrap) Assert.IsLessThanOrEqualTo(2, worker.Hello.ProcessId, "bubblewrap gives the worker its own PID namespace");
        TestContext.WriteLine($"{kind}: ready in {worker.StartupTime.TotalMilliseconds:F0} ms, pid {worker.Hello.ProcessId}, {worker.Hello.Runtime}");
    }

    [TestMethod]
    public async Task StartAsync_WorkerIsNotAWorker_SandboxUnavailableWithItsStderr()
    {
        var launch = new WorkerLaunch(DotnetMuxer.Find()!, Path.Combine(AppContext.BaseDirectory, "missing-worker.dll"), new SandboxOptions(), IsolationProbe.For(IsolationMode.Off));

        var error = await Assert.ThrowsExactlyAsync<SandboxUnavailableException>(() =>
            WorkerProcess.StartAsync(launch, Path.GetTempPath(), TimeSpan.FromSeconds(20), TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "did not start");
        StringAssert.Contains(error.Message, "missing-worker.dll");
        Assert.DoesNotContain("candidate", error.Message);
    }

    [TestMethod]
    public void EnvironmentFor_AnyHost_OnlyDotnetAndSandboxVariablesWithTheHeapLimitInHex()
    {
        var launch = Launch(IsolationProbe.For(IsolationMode.Off), new SandboxOptions { HeapLimitBytes = 256L * 1024 * 1024 });

        var environment = launch.EnvironmentFor();

        Assert.AreEqual("0x10000000", environment["DOTNET_GCHeapHardLimit"]);
        Assert.AreEqual("disabled", environment["SIGIL_TRACKER"]);
        Assert.AreEqual("/tmp", environment["HOME"]);
        Assert.IsTrue(environment.Keys.All(name => name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("SIGIL_", StringComparison.Ordinal) || name is "HOME" or "TMPDIR"));
    }

    [TestMethod]
    public void For_Bubblewrap_OnlyTheNeededDirectoriesBoundAndTmpFirst()
    {
        var isolation = Isolation(IsolationKind.Bubblewrap);
        var app = Path.Combine(Path.GetTempPath(), "some-app");

        var arguments = Launch(isolation, new SandboxOptions()).For(app).ArgumentList.ToList();

        var binds = arguments.Select((a, i) => (a, i)).Where(p => p.a is "--ro-bind" or "--bind").Select(p => arguments[p.i + 1]).ToList();
        CollectionAssert.Contains(binds, app);
        CollectionAssert.DoesNotContain(binds, "/");
        Assert.IsFalse(binds.Any(b => b.StartsWith("/home", StringComparison.Ordinal) || b == "/root" || b == "/etc"), string.Join(",", binds));
        Assert.IsLessThan(arguments.IndexOf(app), arguments.IndexOf("/tmp"), "the private /tmp must come before binds below it");
        CollectionAssert.IsSubsetOf(new[] { "--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session" }, arguments);
    }

    private static IsolationReport Isolation(IsolationKind kind)
    {
        var detected = IsolationProbe.Detect();
        return kind switch
        {
            IsolationKind.None => IsolationProbe.For(IsolationMode.Off),
            _ when detected.Kind == kind => detected,
            IsolationKind.NetworkNamespace when OperatingSystem.IsLinux() && IsolationProbe.FindOnPath("unshare") is { } unshare =>
                new IsolationReport(IsolationKind.NetworkNamespace, "isolation: network only (test)", null, unshare, Environment.UserName == "root" ? [] : ["--map-root-user"]),
            _ => Inconclusive(kind),
        };
    }

    private static IsolationReport Inconclusive(IsolationKind kind)
    {
        Assert.Inconclusive($"{kind} is not available here: {IsolationProbe.Detect().Summary}");
        return null!;
    }

    private static WorkerLaunch Launch(IsolationReport isolation, SandboxOptions options) =>
        new(DotnetMuxer.Find()!, Path.Combine(AppContext.BaseDirectory, "Sigil.Worker.dll"), options, isolation);
}
