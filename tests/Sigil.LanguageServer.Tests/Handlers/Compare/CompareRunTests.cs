using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Compare;

/// <summary>sigil/compare/run over CompareService on the shared run's best candidate.</summary>
[TestClass]
public sealed class CompareRunTests
{
    [TestMethod]
    public async Task Compare_Best_FreshTrialsCorrectAndStoredAsCompareEvaluation()
    {
        var run = await SharedRun.GetAsync();

        var result = await run.Client.RequestAsync<JsonElement>("sigil/compare/run", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, candidate = run.BestCandidate, rounds = 5 });
        var diff = await run.Client.RequestAsync<JsonElement>("sigil/candidate/diff", new { candidate = run.BestCandidate });

        var comparison = result.GetProperty("comparisons").EnumerateArray().Single();
        Assert.AreEqual(run.BestCandidate, comparison.GetProperty("candidate").GetString());
        Assert.IsTrue(comparison.GetProperty("correct").GetBoolean(), comparison.ToString());
        Assert.IsGreaterThan(0, comparison.GetProperty("samples").GetInt32());
        Assert.IsTrue(comparison.GetProperty("metrics").TryGetProperty("speedup", out _));
        Assert.IsTrue(diff.GetProperty("evaluations").EnumerateArray().Any(e => e.GetProperty("evaluator").GetString()!.EndsWith("#compare", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Compare_TooFewRoundsOrMissingWorkspace_InvalidParams()
    {
        var run = await SharedRun.GetAsync();

        await run.Client.ErrorAsync("sigil/compare/run", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, rounds = 2 }, -32602);
        await run.Client.ErrorAsync("sigil/compare/run", new { spec = SharedRun.Spec }, -32602);
    }
}
