using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Compare;

/// <summary>sigil/compare/run over CompareService on the shared run's best candidate.</summary>
[TestClass]
public sealed class CompareRunTests
{
    [TestMethod]
    public async Task Compare_Best_FreshTrialsCorrectStoredAsCompareEvaluationWithProgress()
    {
        var run = await SharedRun.GetAsync();

        var result = await run.Client.RequestAsync<JsonElement>("sigil/compare/run", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, candidate = run.BestCandidate, rounds = 5, workDoneToken = "compare-1" });
        var diff = await run.Client.RequestAsync<JsonElement>("sigil/candidate/diff", new { candidate = run.BestCandidate });

        var comparison = result.GetProperty("comparisons").EnumerateArray().Single();
        Assert.AreEqual(run.BestCandidate, comparison.GetProperty("candidate").GetString());
        Assert.IsTrue(comparison.GetProperty("correct").GetBoolean(), comparison.ToString());
        Assert.IsGreaterThan(0, comparison.GetProperty("samples").GetInt32());
        Assert.IsTrue(comparison.GetProperty("metrics").TryGetProperty("speedup", out _));
        Assert.IsTrue(diff.GetProperty("evaluations").EnumerateArray().Any(e => e.GetProperty("evaluator").GetString()!.EndsWith("#compare", StringComparison.Ordinal)));
        await run.Client.WaitForEventAsync("$/progress", p => p.GetProperty("token").GetString() == "compare-1" && p.GetProperty("value").GetProperty("kind").GetString() == "end");
        var values = run.Client.Received("$/progress").Where(p => p.GetProperty("token").GetString() == "compare-1").Select(p => p.GetProperty("value")).ToList();
        Assert.AreEqual("begin", values[0].GetProperty("kind").GetString());
        var reports = values.Where(v => v.GetProperty("kind").GetString() == "report").Select(v => v.GetProperty("message").GetString()!).ToList();
        Assert.IsTrue(reports.Any(m => m.StartsWith("comparing " + comparison.GetProperty("pin").GetString(), StringComparison.Ordinal)), string.Join(" | ", reports));
        var improved = comparison.GetProperty("improved").GetBoolean() ? 1 : 0;
        Assert.AreEqual($"{improved} of 1 improved", values[^1].GetProperty("message").GetString());
    }

    [TestMethod]
    public async Task Compare_NoSuchCandidate_ErrorAndProgressEnds()
    {
        var run = await SharedRun.GetAsync();

        await run.Client.ErrorAsync("sigil/compare/run", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, candidate = "diff://b3:" + new string('0', 64), rounds = 5, workDoneToken = "compare-missing" }, 1004);

        await run.Client.WaitForEventAsync("$/progress", p => p.GetProperty("token").GetString() == "compare-missing" && p.GetProperty("value").GetProperty("kind").GetString() == "end");
        var end = run.Client.Received("$/progress").Last(p => p.GetProperty("token").GetString() == "compare-missing").GetProperty("value");
        StringAssert.StartsWith(end.GetProperty("message").GetString(), "failed: ");
    }

    [TestMethod]
    public async Task Compare_TooFewRoundsOrMissingWorkspace_InvalidParams()
    {
        var run = await SharedRun.GetAsync();

        await run.Client.ErrorAsync("sigil/compare/run", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, rounds = 2 }, -32602);
        await run.Client.ErrorAsync("sigil/compare/run", new { spec = SharedRun.Spec }, -32602);
    }
}
