using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Scores;

/// <summary>sigil/scores/history on the shared run's run log.</summary>
[TestClass]
public sealed class ScoresHistoryTests
{
    [TestMethod]
    public async Task History_AfterRun_OnePointPerTrialWithBaseline()
    {
        var run = await SharedRun.GetAsync();

        var history = await run.Client.RequestAsync<JsonElement>("sigil/scores/history", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace });

        var series = history.GetProperty("series").EnumerateArray().Single();
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.AreEqual(run.Finished.GetProperty("result").GetProperty("pins")[0].GetProperty("runId").GetString(), series.GetProperty("runId").GetString());
        Assert.AreEqual("Kernels.SumOfSquares(int[])", series.GetProperty("pin").GetString());
        Assert.AreEqual("best-of-n", series.GetProperty("optimizer").GetString());
        Assert.AreEqual(1.0, series.GetProperty("baseline").GetProperty("speedup").GetDouble());
        CollectionAssert.AreEqual(Enumerable.Range(0, SharedRun.Iterations).ToList(), points.Select(p => p.GetProperty("index").GetInt32()).ToList());
        var evaluated = points.Where(p => p.GetProperty("status").GetString() == "evaluated").ToList();
        Assert.IsNotEmpty(evaluated);
        Assert.IsTrue(evaluated.All(p => p.TryGetProperty("speedup", out _) && p.TryGetProperty("candidate", out _)), history.ToString());
        var best = points.Where(p => p.TryGetProperty("bestFitness", out _)).Select(p => p.GetProperty("bestFitness").GetDouble()).ToList();
        CollectionAssert.AreEqual(best.Order().ToList(), best, "the best so far never falls");
    }

    [TestMethod]
    public async Task History_OtherPinOrSpec_Empty()
    {
        var run = await SharedRun.GetAsync();

        var otherPin = await run.Client.RequestAsync<JsonElement>("sigil/scores/history", new { spec = SharedRun.Spec, pin = "Kernels.Root(double)" });
        var otherSpec = await run.Client.RequestAsync<JsonElement>("sigil/scores/history", new { spec = "elsewhere" });

        Assert.AreEqual(0, otherPin.GetProperty("series").GetArrayLength());
        Assert.AreEqual(0, otherSpec.GetProperty("series").GetArrayLength());
    }
}
