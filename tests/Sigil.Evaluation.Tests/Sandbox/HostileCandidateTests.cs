using System.Net;
using System.Net.Sockets;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Evaluation.Tests.Sandbox;

/// <summary>
/// Hostile candidates against real sandboxed workers (one pool for the class). With the API policy on, those that use a
/// forbidden API are rejected and never reach a worker. With the policy off, the worker process and the OS layer must
/// contain each one: a secret outside the app is not there, the network is not there, programs do not start, the host's
/// environment is not there, the project's .sigil/ is not there; Environment.Exit, stack overflow, 10 GB allocations,
/// endless loops and garbage on the protocol stream are classified and the worker is replaced. After each case the pool
/// still evaluates a good candidate correctly. OS-layer cases are inconclusive where bubblewrap is missing.
/// </summary>
[TestClass]
public sealed class HostileCandidateTests
{
    private const string FakeApiKey = "sk-sigil-test-0123456789abcdef";

    private static readonly ApiPolicy Anything = new(ApiCapability.FileSystem | ApiCapability.Network | ApiCapability.Process
        | ApiCapability.Environment | ApiCapability.ReflectionEmit | ApiCapability.Unsafe | ApiCapability.PInvoke
        | ApiCapability.Threading | ApiCapability.Reflection);

    private static SandboxTestApp s_app = null!;
    private static WorkerPool s_pool = null!;
    private static SandboxContext s_context = null!;
    private static string? s_previousKey;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartPool(TestContext context)
    {
        s_previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", FakeApiKey);
        s_app = new SandboxTestApp();
        s_pool = new WorkerPool(new SandboxOptions { WallTimeLimit = TimeSpan.FromSeconds(20) });
        s_context = s_app.SumContext(count: 8, length: 16);
        await s_pool.PrepareAsync(s_context, context.CancellationToken);
    }

    [ClassCleanup]
    public static async Task StopPool()
    {
        await s_pool.DisposeAsync();
        s_app.Dispose();
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", s_previousKey);
    }

    [TestMethod]
    [DataRow("secret", ApiCapability.FileSystem)]
    [DataRow("socket", ApiCapability.Network)]
    [DataRow("process", ApiCapability.Process)]
    [DataRow("environment", ApiCapability.Environment)]
    [DataRow("exit", ApiCapability.Environment)]
    [DataRow("sigil", ApiCapability.FileSystem)]
    [DataRow("native", ApiCapability.Unsafe)]
    [DataRow("protocol", ApiCapability.FileSystem)]
    public async Task EvaluateAsync_PolicyOnAndHostileApiUse_PolicyViolationAndNeverRun(string hostile, ApiCapability capability)
    {
        var sent = s_pool.Statistics.CandidatesSent;

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body(hostile)), TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.PolicyViolation, result.ErrorClass, result.Message);
        Assert.AreEqual("policy-violation", result.ErrorCode);
        Assert.IsTrue(result.PolicyViolations.Any(v => v.Capability == capability && v.Location == "Demo.K::Sum"), string.Join("; ", result.PolicyViolations));
        StringAssert.Contains(result.Message, "was not run");
        Assert.AreEqual(sent, s_pool.Statistics.CandidatesSent, "a rejected candidate reached a worker");
        Assert.AreEqual(0, result.Rounds);
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_ReadsASecretFileOutsideTheApp_NotFound()
    {
        RequireFileIsolation();

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body("secret"), Anything), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.IsTrue(result.CandidateExceptions.Keys.All(k => k is "System.IO.DirectoryNotFoundException" or "System.IO.FileNotFoundException"),
            string.Join(", ", result.CandidateExceptions.Keys));
        Assert.AreEqual(3 * 8, result.CandidateExceptions.Values.Sum(), "every call failed to read it");
        Assert.DoesNotContain(s_app.Secret, result.CapturedOutput);
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_OpensASocketToTheHost_NoNetwork()
    {
        if (!s_pool.Isolation.NoNetwork) Assert.Inconclusive("no network isolation here: " + s_pool.Isolation.Summary);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body("socket").Replace("9)", port + ")"), Anything), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(3 * 8, result.CandidateExceptions.GetValueOrDefault("System.Net.Sockets.SocketException"), string.Join(", ", result.CandidateExceptions.Keys));
        Assert.IsFalse(listener.Pending(), "the candidate reached the host's port");
        await AssertPoolStillWorks();
    }

    [TestMethod]
    [DataRow("/bin/sh")]
    [DataRow("dotnet")]
    public async Task EvaluateAsync_StartsAProgram_Refused(string program)
    {
        var marker = Path.Combine(s_app.SecretDirectory, "started-" + Guid.NewGuid().ToString("n"));
        var path = program == "dotnet" ? DotnetMuxer.Find()! : program; // dotnet is visible inside the sandbox: only the exec block stops it
        var body = Body("process").Replace("PROGRAM", path).Replace("MARKER", marker);

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, body, Anything), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(3 * 8, result.CandidateExceptions.GetValueOrDefault("System.ComponentModel.Win32Exception"), string.Join(", ", result.CandidateExceptions.Keys));
        Assert.IsFalse(File.Exists(marker));
        if (program == "dotnet" && OperatingSystem.IsLinux())
            StringAssert.Contains(result.Samples[0].CandidateExceptionMessage, "not permitted", "the exec block refused it");
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_ReadsTheEnvironment_HostVariablesAbsent()
    {
        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body("environment"), Anything), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.DoesNotContain(FakeApiKey, result.CapturedOutput);
        Assert.DoesNotContain("OPENAI_API_KEY", result.CapturedOutput);
        var names = result.CapturedOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Contains('=')).Select(line => line[..line.IndexOf('=')]).ToHashSet();
        Assert.IsTrue(names.Contains("SIGIL_TRACKER") && names.Contains("HOME"), string.Join(",", names));
        Assert.IsTrue(names.All(name => name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("SIGIL_", StringComparison.Ordinal)
            || name is "HOME" or "TMPDIR" or "PWD"), "unexpected variables: " + string.Join(",", names));
        await AssertPoolStillWorks();
    }

    [TestMethod]
    [DataRow("sigil")]
    [DataRow("appdir")]
    public async Task EvaluateAsync_WritesIntoTheProject_RefusedAndNothingChanges(string where)
    {
        RequireFileIsolation();
        var before = Snapshot();

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body(where), Anything), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(3 * 8, result.CandidateExceptions.Values.Sum(), string.Join(", ", result.CandidateExceptions.Keys));
        CollectionAssert.AreEqual(before, Snapshot());
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_CallsEnvironmentExit_Exited()
    {
        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body("exit"), Anything), TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.Exited, result.ErrorClass, result.Message);
        Assert.AreEqual("exited", result.ErrorCode);
        StringAssert.Contains(result.Message, "Environment.Exit(3)");
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_RecursesForever_StackOverflow()
    {
        var job = new SandboxJob(s_context, s_app.Compile("return Down(0);", "static long Down(long n) => Down(n + 1) + 1;").Image)
        {
            Rounds = 1,
            IsChangedCode = name => name is "Demo.K::Sum" or "Demo.K::Down",
        };

        var result = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.StackOverflow, result.ErrorClass, result.Message + "\n" + result.WorkerDiagnostics);
        Assert.AreEqual("stack-overflow", result.ErrorCode);
        StringAssert.Contains(result.WorkerDiagnostics, "Stack overflow");
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_AllocatesTenGigabytes_OutOfMemory()
    {
        const string body = "var keep = new System.Collections.Generic.List<byte[]>(); for (var i = 0; i < 100; i++) keep.Add(new byte[100_000_000]); return keep.Count;";

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, body), TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.OutOfMemory, result.ErrorClass, result.Message);
        Assert.AreEqual("out-of-memory", result.ErrorCode);
        StringAssert.Contains(result.Message, "512 MiB");
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_AllocatesTenGigabytesOfNativeMemory_OutOfMemory()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("the address-space limit is set on Linux only");

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body("native"), Anything), TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.OutOfMemory, result.ErrorClass, result.Message);
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_NativeLimitOff_TenGigabytesOfNativeMemoryAllocate()
    {
        // The control for the case above: without the address-space limit the same allocation succeeds (it is never touched).
        if (!OperatingSystem.IsLinux() || GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < 12L << 30)
            Assert.Inconclusive("needs Linux and more than 12 GB of memory for the kernel to hand out 10 GB unasked");
        await using var pool = new WorkerPool(new SandboxOptions { NativeMemoryLimitBytes = null });

        var result = await pool.EvaluateAsync(s_app.SumJob(s_context, Body("native"), Anything), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.IsEmpty(result.CandidateExceptions);
    }

    [TestMethod]
    public async Task EvaluateAsync_LoopsForever_TimeoutWithinTheLimit()
    {
        var job = s_app.SumJob(s_context, "while (true) { }") with { WallTimeLimit = TimeSpan.FromSeconds(2) };

        var result = await s_pool.EvaluateAsync(job, TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.Timeout, result.ErrorClass, result.Message);
        Assert.AreEqual("timeout", result.ErrorCode);
        Assert.AreEqual("The candidate ran past the 2 s limit and was stopped (the worker was killed and replaced).", result.Message);
        Assert.IsLessThan(TimeSpan.FromSeconds(6), result.Elapsed);
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_WritesGarbageToTheProtocolPipe_ProtocolViolation()
    {
        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, Body("protocol"), Anything), TestContext.CancellationToken);

        Assert.AreEqual(SandboxErrorClass.ProtocolViolation, result.ErrorClass, result.Message);
        Assert.AreEqual("protocol-violation", result.ErrorCode);
        await AssertPoolStillWorks();
    }

    [TestMethod]
    public async Task EvaluateAsync_PrintsToStdout_CapturedAndBounded()
    {
        const string body = "for (var i = 0; i < 1000; i++) Console.WriteLine(\"0123456789\"); Console.Error.WriteLine(\"err\"); long s = 0; foreach (var x in v) s += x; return s;";

        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, body), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.AreEqual(4096, result.CapturedOutput.Length);
        Assert.IsGreaterThan(0L, result.CapturedOutputDropped);
        StringAssert.StartsWith(result.CapturedOutput, "0123456789");
    }

    private void RequireFileIsolation()
    {
        if (!s_pool.Isolation.FileSystemIsolated) Assert.Inconclusive("no file-system isolation here: " + s_pool.Isolation.Summary);
    }

    /// <summary>Every file under the project root and the secret directory, with its content.</summary>
    private static List<string> Snapshot() =>
        [.. new[] { s_app.Root, s_app.SecretDirectory }
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(path => path + ":" + Convert.ToHexString(File.ReadAllBytes(path)).GetHashCode())];

    /// <summary>A good candidate still runs correctly (on the same warm worker or its replacement).</summary>
    private async Task AssertPoolStillWorks()
    {
        var result = await s_pool.EvaluateAsync(s_app.SumJob(s_context, SandboxTestApp.FastSum, rounds: 1), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, "after a hostile candidate: " + result.Message);
        Assert.AreEqual(0, result.Mismatches);
        Assert.HasCount(8, result.Samples);
    }

    /// <summary>K.Sum bodies that try something hostile.</summary>
    private static string Body(string hostile) => hostile switch
    {
        "secret" => $$"""var text = System.IO.File.ReadAllText(@"{{s_app.SecretPath}}"); Console.WriteLine(text); return text.Length;""",
        "socket" => """using var client = new System.Net.Sockets.TcpClient(); client.Connect("127.0.0.1", 9); return 1;""",
        "process" => """using var p = System.Diagnostics.Process.Start("PROGRAM", new[] { "-c", "touch MARKER" }); p!.WaitForExit(); return 1;""",
        "environment" => """
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables()) Console.WriteLine(e.Key + "=" + e.Value);
            long s = 0; foreach (var x in v) s += x; return s;
            """,
        "exit" => "Environment.Exit(3); return 0;",
        "sigil" => $$"""System.IO.File.WriteAllText(@"{{Path.Combine(s_app.SigilDirectory, "samples", "evil.slog")}}", "x"); return 1;""",
        "appdir" => $$"""System.IO.File.WriteAllText(@"{{Path.Combine(s_app.AppDirectory, "Demo.dll")}}", "x"); return 1;""",
        "native" => "var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(new IntPtr(10L << 30)); return (long)p;",
        "protocol" => """
            foreach (var fd in System.IO.Directory.GetFiles("/proc/self/fd"))
            {
                try
                {
                    if (new System.IO.FileInfo(fd).LinkTarget?.StartsWith("pipe:") != true) continue;
                    using var stream = new System.IO.FileStream(fd, System.IO.FileMode.Open, System.IO.FileAccess.Write);
                    stream.Write("garbage!garbage!"u8);
                }
                catch (Exception) { }
            }
            return 1;
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(hostile)),
    };
}
