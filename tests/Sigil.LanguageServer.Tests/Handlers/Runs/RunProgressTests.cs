using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Runs;

/// <summary>What the shared run sent: progress created on the client, begin → reports → end, and the result.</summary>
[TestClass]
public sealed class RunProgressTests
{
    [TestMethod]
    public async Task RunStart_ClientSupportsProgress_CreatesTokenThenBeginReportsEnd()
    {
        var run = await SharedRun.GetAsync();

        var created = run.Client.Received("window/workDoneProgress/create").Select(c => c.GetProperty("token").GetString()).ToList();
        var progress = run.Client.Received("$/progress").Where(p => p.GetProperty("token").GetString() == run.Token).Select(p => p.GetProperty("value")).ToList();
        var kinds = progress.Select(v => v.GetProperty("kind").GetString()).ToList();

        CollectionAssert.Contains(created, run.Token);
        Assert.AreEqual("begin", kinds[0]);
        Assert.AreEqual("end", kinds[^1]);
        Assert.IsTrue(kinds.Skip(1).SkipLast(1).All(k => k == "report"), string.Join(",", kinds));
        Assert.IsTrue(progress[0].GetProperty("cancellable").GetBoolean());
        var reports = progress.Where(v => v.GetProperty("kind").GetString() == "report").ToList();
        var trials = reports.Select(r => r.GetProperty("sigil")).Where(s => s.GetProperty("phase").GetString() == "searching").Select(s => s.GetProperty("trial").GetInt32()).ToList();
        CollectionAssert.IsSubsetOf(new[] { 1, 2, SharedRun.Iterations }, trials, string.Join(",", trials));
        var percentages = reports.Select(r => r.GetProperty("percentage").GetInt32()).ToList();
        CollectionAssert.AreEqual(percentages.Order().ToList(), percentages, "percentages only grow");
        Assert.AreEqual(100, percentages[^1]);
        Assert.IsTrue(reports.All(r => r.GetProperty("sigil").GetProperty("token").GetString() == run.Token));
    }

    [TestMethod]
    public async Task RunFinished_Completed_CarriesTheResult()
    {
        var run = await SharedRun.GetAsync();

        var pin = run.Finished.GetProperty("result").GetProperty("pins")[0];

        Assert.AreEqual(run.Token, run.Finished.GetProperty("token").GetString());
        Assert.AreEqual(SharedRun.Spec, run.Finished.GetProperty("spec").GetString());
        Assert.AreEqual(SharedRun.Workspace, run.Finished.GetProperty("workspace").GetString());
        Assert.AreEqual("Kernels.SumOfSquares(int[])", pin.GetProperty("pin").GetString());
        Assert.AreEqual(SharedRun.Iterations, pin.GetProperty("trials").GetInt32());
        StringAssert.StartsWith(pin.GetProperty("bestCandidate").GetString(), "diff://b3:");
        StringAssert.StartsWith(pin.GetProperty("runId").GetString(), "run://b3:");
        Assert.IsGreaterThan(0, pin.GetProperty("visibleSamples").GetInt32());
    }

    [TestMethod]
    public async Task RunStart_InvalidOptions_InvalidParams()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var iterations = await client.ErrorAsync("sigil/run/start", new { spec = "quickstart", workspace = "x", iterations = 0 }, -32602);
        await client.ErrorAsync("sigil/run/start", new { spec = "quickstart" }, -32602);
        await client.ErrorAsync("sigil/run/start", new { spec = "quickstart", workspace = "x", objective = "fast" }, -32602);
        await client.ErrorAsync("sigil/run/start", new { spec = "quickstart", workspace = "x", allow = new[] { "Teleport" } }, -32602);
        var optimizer = await client.ErrorAsync("sigil/run/start", new { spec = "quickstart", workspace = "x", optimizer = "nope" }, -32602);

        StringAssert.Contains(iterations.Message, "niter");
        StringAssert.Contains(optimizer.Message, "There is no optimizer 'nope'");
        Assert.IsEmpty(client.Received("sigil/run/finished"), "no run was started");
    }

    [TestMethod]
    public async Task RunCancel_UnknownToken_UnknownRun()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var error = await client.ErrorAsync("sigil/run/cancel", new { token = "sigil-run-nope" }, 1013);

        Assert.AreEqual("unknown-run", RpcErrors.Data(error).GetProperty("kind").GetString());
    }
}
