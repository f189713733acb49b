using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Candidates;

/// <summary>sigil/candidates/list and sigil/candidate/diff on the shared run's store.</summary>
[TestClass]
public sealed class CandidateRequestTests
{
    [TestMethod]
    public async Task List_AfterRun_TheRunsCandidatesBestFirst()
    {
        var run = await SharedRun.GetAsync();

        var result = await run.Client.RequestAsync<JsonElement>("sigil/candidates/list", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace });

        var candidates = result.GetProperty("candidates").EnumerateArray().ToList();
        Assert.AreEqual(SharedRun.Spec, result.GetProperty("spec").GetString());
        Assert.IsNotEmpty(candidates);
        Assert.AreEqual(run.BestCandidate, candidates[0].GetProperty("candidate").GetString());
        Assert.IsTrue(candidates[0].GetProperty("correct").GetBoolean());
        Assert.IsGreaterThan(0.0, candidates[0].GetProperty("speedup").GetDouble());
        Assert.IsTrue(candidates.All(c => c.GetProperty("workspace").GetString() == SharedRun.Workspace));
        StringAssert.StartsWith(candidates[0].GetProperty("functionId").GetString(), "sigil://");
    }

    [TestMethod]
    public async Task List_SpecWithoutCandidates_Empty()
    {
        var run = await SharedRun.GetAsync();

        var result = await run.Client.RequestAsync<JsonElement>("sigil/candidates/list", new { spec = "nothing-here" });

        Assert.AreEqual(0, result.GetProperty("candidates").GetArrayLength());
    }

    [TestMethod]
    public async Task Diff_BestByPrefix_DiffAndBothSourcesOfThePin()
    {
        var run = await SharedRun.GetAsync();
        var prefix = run.BestCandidate["diff://b3:".Length..][..10];

        var diff = await run.Client.RequestAsync<JsonElement>("sigil/candidate/diff", new { candidate = prefix });

        Assert.AreEqual(run.BestCandidate, diff.GetProperty("candidate").GetString());
        Assert.AreEqual("Kernels.SumOfSquares(int[])", diff.GetProperty("pin").GetString());
        StringAssert.Contains(diff.GetProperty("diff").GetString(), "--- a/Kernels.cs");
        Assert.AreEqual("Kernels.cs", diff.GetProperty("file").GetString());
        var baseline = diff.GetProperty("baselineSource").GetString()!;
        var candidate = diff.GetProperty("candidateSource").GetString()!;
        StringAssert.Contains(baseline, "values.Select(v => (long)v * v).Sum()");
        StringAssert.Contains(candidate, "SumOfSquares(int[] values)");
        Assert.AreNotEqual(baseline, candidate);
        Assert.AreEqual(QuickStartProject.KernelsText, diff.GetProperty("baselineFileText").GetString());
        StringAssert.Contains(diff.GetProperty("candidateFileText").GetString(), candidate);
        Assert.IsFalse(diff.TryGetProperty("sourceWarning", out _));
        Assert.IsTrue(diff.GetProperty("memberships").EnumerateArray().Any(m => m.GetProperty("workspace").GetString() == SharedRun.Workspace));
        Assert.IsNotEmpty(diff.GetProperty("evaluations").EnumerateArray().ToList());
    }

    [TestMethod]
    public async Task Diff_UnknownOrMalformed_NotFoundOrInvalidParams()
    {
        var run = await SharedRun.GetAsync();

        var missing = await run.Client.ErrorAsync("sigil/candidate/diff", new { candidate = "000000000000" }, 1003);
        await run.Client.ErrorAsync("sigil/candidate/diff", new { candidate = "xyz" }, -32602);
        await run.Client.ErrorAsync("sigil/candidate/diff", new { candidate = "diff://b3:nothex" }, -32602);

        StringAssert.Contains(missing.Message, "000000000000");
    }
}
