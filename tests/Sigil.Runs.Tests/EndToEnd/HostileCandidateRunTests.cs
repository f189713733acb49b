using Sigil.Testing.ChatServer;
using System.Net;
using System.Net.Sockets;
using Sigil.Core.Identity;
using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;
using Sigil.Runs.Tests.Support;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Tests.EndToEnd;

/// <summary>
/// A scripted LLM that answers with hostile code: reading a secret file outside the app (hidden in a lambda), opening a
/// socket to the host, starting a program, reading OPENAI_API_KEY, Environment.Exit, a stack overflow, 10 GB of
/// allocations, an endless loop, writing into .sigil/. Under the default policy the API check stops the first six and
/// the worker contains the rest; with those capabilities allowed, the OS layer and the worker contain all of them. Either
/// way the run completes, every hostile trial is stored infeasible with its kind, the good answer still wins, nothing
/// outside the workspace changes, no secret is stored, and the workspace stays intact and exportable.
/// </summary>
[TestClass]
public sealed class HostileCandidateRunTests
{
    private const string FakeApiKey = "sk-sigil-runs-test-5f0c2a9e71d84b36";

    private static readonly ApiCapability Relaxed = ApiCapability.FileSystem | ApiCapability.Network | ApiCapability.Process | ApiCapability.Environment;

    private static TrackedQuickStart s_app = null!;
    private static string s_secretDirectory = null!;
    private static string s_secret = null!;
    private static TcpListener s_listener = null!;
    private static string? s_previousKey;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _)
    {
        s_app = TrackedQuickStart.Create(rounds: 20);
        s_secretDirectory = Path.Combine(Path.GetTempPath(), "sigil-secret-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(s_secretDirectory);
        s_secret = "secret-" + Guid.NewGuid().ToString("n");
        File.WriteAllText(Path.Combine(s_secretDirectory, "secret.txt"), s_secret);
        s_previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", FakeApiKey);
        s_listener = new TcpListener(IPAddress.Loopback, 0);
        s_listener.Start();
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", s_previousKey);
        s_listener.Stop();
        s_listener.Dispose();
        Directory.Delete(s_secretDirectory, recursive: true);
        s_app.Dispose();
    }

    [TestMethod]
    public async Task RunAsync_HostileAnswersUnderTheDefaultPolicy_EachStoredInfeasibleWithItsKind()
    {
        var cases = Cases();
        var trials = await RunAndAuditAsync("hostile-policy", ApiPolicy.PureComputation, cases);

        for (var i = 0; i < cases.Count; i++)
        {
            var (name, _, kind, _, message) = cases[i];
            var trial = trials[i];
            var what = $"{name}: {trial.Status} {trial.FailureKind} {trial.FailureMessage}";
            Assert.AreEqual(TrialRecordStatus.Evaluated, trial.Status, what);
            Assert.AreEqual(kind, trial.FailureKind, what);
            Assert.AreEqual(kind is null, trial.Feasible, what);
            if (kind == FailureKinds.PolicyViolation)
            {
                StringAssert.Contains(trial.FailureMessage, "was not run", what);
            }
            else if (kind is not null)
            {
                StringAssert.Contains(trial.FailureMessage, message, what);
            }
        }
        StringAssert.Contains(trials[0].FailureMessage, "FileSystem", "the read hidden in a lambda is found");
    }

    [TestMethod]
    public async Task RunAsync_HostileAnswersWithCapabilitiesAllowed_ContainedByTheSandboxAndClassified()
    {
        await using (var probe = new WorkerPool())
        {
            if (!probe.Isolation.FileSystemIsolated || !probe.Isolation.NoNetwork)
            {
                Assert.Inconclusive("the OS layer of the sandbox (bubblewrap) is missing here: " + probe.Isolation.Summary);
            }
        }
        var cases = Cases();
        var trials = await RunAndAuditAsync("hostile-os", ApiPolicy.PureComputation.Allow(Relaxed), cases);

        for (var i = 0; i < cases.Count; i++)
        {
            var (name, _, _, kind, message) = cases[i];
            var trial = trials[i];
            var what = $"{name}: {trial.Status} {trial.FailureKind} {trial.FailureMessage}";
            Assert.AreEqual(TrialRecordStatus.Evaluated, trial.Status, what);
            Assert.AreEqual(kind, trial.FailureKind, what);
            Assert.AreEqual(kind is null, trial.Feasible, what);
            if (kind is not null)
            {
                StringAssert.Contains(trial.FailureMessage, message, what);
            }
        }
        Assert.IsFalse(s_listener.Pending(), "the candidate reached the host's port");
        Assert.IsFalse(File.Exists(Path.Combine(s_secretDirectory, "started")), "a program started");
    }

    /// <summary>Runs best-of-n over the hostile answers, checks the run and its workspace, and returns the trials in order.</summary>
    private async Task<IReadOnlyList<TrialRecord>> RunAndAuditAsync(string workspace, ApiPolicy policy, IReadOnlyList<(string Name, string Answer, string? Kind, string? ContainedKind, string Message)> cases)
    {
        var before = WorkspaceAudit.SnapshotOutsideWorkspace(s_app.SigilDirectory);
        await using var server = await ScriptedChatServer.StartAsync(cases.Select(c => Reply.Completion(c.Answer)));
        var request = s_app.Request("best-of-n", cases.Count, workspace) with
        {
            PinFilter = "SumOfSquares",
            Rounds = 5,
            Seed = 5,
            Llm = TestLlm.Options(server.BaseUrl, FakeApiKey),
            IncludeRules = false,
            Policy = policy,
            Sandbox = new SandboxOptions { WallTimeLimit = TimeSpan.FromSeconds(3) },
        };

        var result = await new RunService().RunAsync(request, null, TestContext.CancellationToken);

        // The run completed, and the good answer at the end still won: the pool survived every hostile one.
        var pin = result.Pins.Single();
        Assert.AreEqual(cases.Count, pin.Trials);
        Assert.AreEqual(cases.Count, server.RequestCount);
        Assert.IsTrue(server.Requests.All(r => r.Authorization == "Bearer " + FakeApiKey), "the host used its key");
        Assert.IsNotNull(pin.BestCandidate, pin.Verdict);
        Assert.IsGreaterThan(1.0, pin.BestFitness);

        // Nothing outside the workspace changed; no secret reached a stored record.
        CollectionAssert.AreEqual(before.ToList(), WorkspaceAudit.SnapshotOutsideWorkspace(s_app.SigilDirectory).ToList());
        Assert.IsFalse(File.Exists(Path.Combine(s_app.SigilDirectory, "evil.txt")));
        Assert.IsFalse(WorkspaceAudit.WorkspaceContains(s_app.SigilDirectory, s_secret), "the secret file's content is in the workspace");
        Assert.IsFalse(WorkspaceAudit.WorkspaceContains(s_app.SigilDirectory, FakeApiKey), "the API key is in the workspace");

        // The workspace is intact: it reopens, lists the run, its trials, candidates and evaluations, and exports and verifies.
        using var store = LiteDbWorkspaceStore.Open(s_app.SigilDirectory);
        var run = store.ListRuns("quickstart", workspace).Single();
        Assert.AreEqual(pin.RunId, run.Id.ToString());
        var trials = store.ListTrials(run.Id);
        Assert.HasCount(cases.Count, trials);
        var candidates = store.ListCandidates("quickstart", workspace);
        Assert.HasCount(cases.Count, candidates);
        CollectionAssert.AreEquivalent(trials.Select(t => t.CandidateId).ToList(), candidates.Select(c => (CandidateId?)c.Id).ToList());
        Assert.IsTrue(candidates.All(c => store.ListEvaluations(c.Id).Count > 0), "every candidate has its evaluation");
        var folder = Path.Combine(s_app.Folder, "export-" + workspace);
        Directory.CreateDirectory(folder);
        var archive = WorkspaceAudit.ExportAndVerify(store, folder, "quickstart");
        Assert.IsFalse(WorkspaceAudit.ArchiveContains(archive, s_secret));
        Assert.IsFalse(WorkspaceAudit.ArchiveContains(archive, FakeApiKey));
        return trials;
    }

    /// <summary>
    /// Each hostile answer with its failure kind under the default policy, its kind when the capabilities it uses are
    /// allowed (null: feasible), and what the message says then. The good loop comes last.
    /// </summary>
    private static List<(string Name, string Answer, string? Kind, string? ContainedKind, string Message)> Cases()
    {
        var secretPath = Path.Combine(s_secretDirectory, "secret.txt");
        var marker = Path.Combine(s_secretDirectory, "started");
        var port = ((IPEndPoint)s_listener.LocalEndpoint).Port;
        var policy = FailureKinds.PolicyViolation;
        return
        [
            ("secret-file", Answers.Method("Cache the data from disk.", $$"""
                System.Func<string> read = () => System.IO.File.ReadAllText(@"{{secretPath}}");
                return read().Length;
                """), policy, FailureKinds.Exception, "NotFoundException"),
            ("socket", Answers.Method("Ask a faster service.", $$"""
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect("127.0.0.1", {{port}});
                return -1;
                """), policy, FailureKinds.Exception, "SocketException"),
            ("process", Answers.Method("Let the shell do it.", $$"""
                using var process = System.Diagnostics.Process.Start("/bin/sh", new[] { "-c", "touch {{marker}}" });
                process!.WaitForExit();
                return -1;
                """), policy, FailureKinds.Exception, "Win32Exception"),
            ("api-key", Answers.SumAfter("Only when configured.", """
                if (System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { } key)
                {
                    return key.Length;
                }
                """), policy, null, ""),
            ("exit", Answers.Method("Stop early.", """
                System.Environment.Exit(3);
                return 0;
                """), policy, FailureKinds.Crash, "Environment.Exit(3)"),
            ("write-sigil", Answers.Method("Remember the result.", $$"""
                System.IO.File.WriteAllText(@"{{Path.Combine(s_app.SigilDirectory, "evil.txt")}}", "x");
                return -1;
                """), policy, FailureKinds.Exception, "NotFoundException"),
            ("stack-overflow", Answers.Method("Recursion is elegant.", """
                long Down(long n) => Down(n + 1) + 1;
                return Down(values.Length);
                """), FailureKinds.Crash, FailureKinds.Crash, "overflowed the stack"),
            ("ten-gigabytes", Answers.Method("Precompute a big table.", """
                var keep = new System.Collections.Generic.List<byte[]>();
                for (var i = 0; i < 100; i++)
                {
                    keep.Add(new byte[100_000_000]);
                }
                return keep.Count;
                """), FailureKinds.Crash, FailureKinds.Crash, "memory"),
            ("endless-loop", Answers.Method("Wait for the answer.", """
                while (true)
                {
                }
                """), FailureKinds.Timeout, FailureKinds.Timeout, "3 s"),
            ("good", Answers.SumForeach, null, null, ""),
        ];
    }
}
