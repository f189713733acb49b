using Sigil.Workspace.Errors;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;
using Sigil.Workspace.Tests.Support;

namespace Sigil.Workspace.Tests.Store;

/// <summary>Runs in the run log: insert-only, content-addressed, listed per spec and workspace.</summary>
[TestClass]
public sealed class RunStoreTests
{
    private TempDirectory _directory = null!;
    private LiteDbWorkspaceStore _store = null!;

    [TestInitialize]
    public void Initialize()
    {
        _directory = new TempDirectory();
        _store = LiteDbWorkspaceStore.Open(_directory.File(".sigil"));
    }

    [TestCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [TestMethod]
    public void InsertRun_NewRun_RoundTripsEveryField()
    {
        var run = RunSamples.Run();

        var result = _store.InsertRun(run);

        Assert.IsTrue(result.Added);
        Assert.AreEqual(run, result.Record);
        var stored = _store.GetRun(run.Id);
        Assert.AreEqual(run, stored);
        Assert.AreEqual("{\"islands\":{\"count\":4},\"population\":16,\"temperature\":0.7}", stored!.OptimizerSettings);
        CollectionAssert.AreEqual(new[] { Samples.Function() }, stored.PinFunctionIds.ToArray());
        CollectionAssert.AreEqual(new[] { "gpt-5", "claude" }, stored.Models.ToArray());
        Assert.AreEqual(25.0, stored.MaxCostUsd);
        Assert.AreEqual(TimeSpan.Zero, stored.CreatedAt.Offset);
        StringAssert.StartsWith(run.Id.ToString(), RunId.Prefix);
        Assert.AreEqual(run.Id, RunId.Parse(run.Id.ToString()));
    }

    [TestMethod]
    public void InsertRun_SameRunTwice_IsNoOp()
    {
        var run = RunSamples.Run();
        _store.InsertRun(run);
        var hash = StoreSnapshot.FileHash(_store.DatabasePath);

        var again = _store.InsertRun(RunSamples.Run());

        Assert.IsTrue(again.AlreadyExisted);
        Assert.AreEqual(run, again.Record);
        Assert.AreEqual(hash, StoreSnapshot.FileHash(_store.DatabasePath));
    }

    [TestMethod]
    public void Create_SettingsSpelledDifferently_GiveTheSameId()
    {
        var compact = RunSamples.Run(settings: "{\"temperature\":0.70,\"islands\":{\"count\":4.0},\"population\":16}");

        Assert.AreEqual(RunSamples.Run().Id, compact.Id);
        Assert.AreNotEqual(RunSamples.Run().Id, RunSamples.Run(seed: 43).Id);
        Assert.AreNotEqual(RunSamples.Run().Id, RunSamples.Run(minute: 1).Id, "each start of a run has its own id");
    }

    [TestMethod]
    [DataRow("[1,2]", "not an object")]
    [DataRow("{\"a\":", "not valid JSON")]
    [DataRow("{\"a\":1,\"a\":2}", "not valid JSON")]
    public void Create_SettingsNotAJsonObject_Throws(string settings, string phrase)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => RunSamples.Run(settings: settings));

        StringAssert.Contains(error.Message, phrase);
    }

    [TestMethod]
    public void InsertRun_FieldChangedAfterCreate_IsRefusedByRecomputedId()
    {
        var run = RunSamples.Run() with { Seed = 7 };

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertRun(run));

        StringAssert.Contains(error.Message, "does not match its content");
        StringAssert.Contains(error.Message, "Nothing was written.");
        Assert.IsNull(_store.GetRun(run.Id));
    }

    [TestMethod]
    public void InsertRun_SettingsNotCanonical_IsRefused()
    {
        var run = RunSamples.Run() with { OptimizerSettings = "{ \"population\": 16 }" };

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertRun(run with { Id = run.ComputeId() }));

        StringAssert.Contains(error.Message, "not in canonical form");
    }

    [TestMethod]
    [DataRow("https://user:sk-secret-123@api.example.com/v1", "user info")]
    [DataRow("https://api.example.com/v1?api-key=sk-secret-123", "query string")]
    [DataRow("https://api.example.com/v1#sk-secret-123", "fragment")]
    public void InsertRun_EndpointWithCredentials_IsRefusedWithoutRepeatingThem(string endpoint, string phrase)
    {
        var run = RunSamples.Run(endpoint: endpoint);

        var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertRun(run));

        StringAssert.Contains(error.Message, phrase);
        StringAssert.Contains(error.Message, "api.example.com");
        StringAssert.Contains(error.Message, "without credentials");
        Assert.DoesNotContain("sk-secret-123", error.Message);
        Assert.IsEmpty(_store.ListRuns(Samples.Spec));
    }

    [TestMethod]
    public void InsertRun_InvalidFields_AreRefusedWithTheReason()
    {
        var cases = new (Func<RunRecord> Build, string Phrase)[]
        {
            (() => RunSamples.Run(iterations: 0), "--niter"),
            (() => RunSamples.Run(spec: "bad name"), "spec name"),
            (() => RunSamples.Run(endpoint: "ftp://api.example.com"), "http or https"),
            (() => RunSamples.Run() with { PinFunctionIds = [] }, "pins"),
            (() => RunSamples.Run() with { PinFunctionIds = [Samples.Function(), Samples.Function()] }, "pin is listed twice"),
            (() => RunSamples.Run() with { Models = ["gpt-5", "gpt-5"] }, "model is listed twice"),
            (() => RunSamples.Run() with { MaxCostUsd = double.NaN }, "USD budget"),
            (() => RunSamples.Run() with { MaxTokens = -1 }, "token budget"),
            (() => RunSamples.Run() with { ToolVersion = "" }, "tool version"),
        };

        foreach (var (build, phrase) in cases)
        {
            var run = build();
            var error = Assert.ThrowsExactly<WorkspaceIntegrityException>(() => _store.InsertRun(run with { Id = run.ComputeId() }), phrase);
            StringAssert.Contains(error.Message, phrase);
        }
        Assert.IsEmpty(_store.ListWorkspaces());
    }

    [TestMethod]
    public void ListRuns_SeveralSpecsAndWorkspaces_FiltersAndOrdersByCreation()
    {
        var late = RunSamples.Run(minute: 9);
        var early = RunSamples.Run(minute: 1);
        var v2 = RunSamples.Run(workspace: "v2", minute: 5);
        var perf = RunSamples.Run(spec: "perf", workspace: "main", minute: 3);
        foreach (var run in new[] { late, early, v2, perf })
        {
            _store.InsertRun(run);
        }

        CollectionAssert.AreEqual(new[] { early, late }, _store.ListRuns(Samples.Spec, Samples.Workspace).ToArray());
        CollectionAssert.AreEqual(new[] { early, v2, late }, _store.ListRuns(Samples.Spec).ToArray());
        CollectionAssert.AreEqual(new[] { perf }, _store.ListRuns("perf").ToArray());
        Assert.IsEmpty(_store.ListRuns("nothing"));
        Assert.ThrowsExactly<ArgumentException>(() => _store.ListRuns("../etc"));
    }

    [TestMethod]
    public void ListWorkspaces_RunInWorkspaceWithoutCandidates_ListsItWithItsRunCount()
    {
        var sample = Samples.Populate(_store);
        _store.InsertRun(RunSamples.Run());
        _store.InsertRun(RunSamples.Run(minute: 1));
        _store.InsertRun(RunSamples.Run(spec: "perf", workspace: "fresh"));

        var workspaces = _store.ListWorkspaces();

        CollectionAssert.AreEqual(
            new[]
            {
                new WorkspaceSummary("perf", "fresh", 0) { RunCount = 1 },
                new WorkspaceSummary(Samples.Spec, "v1", 4) { RunCount = 2 },
                new WorkspaceSummary(Samples.Spec, "v2", 1),
            },
            workspaces.ToArray());
        Assert.HasCount(4, _store.ListCandidates(Samples.Spec, "v1"));
        Assert.IsNotNull(sample);
    }

    [TestMethod]
    public void GetRun_UnknownId_ReturnsNull()
    {
        Assert.IsNull(_store.GetRun(new RunId(new string('a', 64))));
        Assert.IsFalse(RunId.TryParse("run://b3:xyz", out _));
        Assert.ThrowsExactly<FormatException>(() => RunId.Parse("diff://b3:" + new string('a', 64)));
    }
}
