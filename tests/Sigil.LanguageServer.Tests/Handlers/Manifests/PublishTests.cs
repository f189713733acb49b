using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Manifests;

/// <summary>sigil/manifest/promote then sigil/manifest/publish in a real git repository holding the run's store.</summary>
[TestClass]
public sealed class PublishTests
{
    [TestMethod]
    public async Task PromoteThenPublish_GitProject_BranchWithTheCandidateAndTreeUnchanged()
    {
        var run = await SharedRun.GetAsync();
        using var project = GitProject.Create(run.StoreSnapshot);
        var (client, _) = await LspClient.StartInitializedAsync(project.ProjectDirectory, environment: project.Environment);
        await using var connection = client;
        var promoted = await client.RequestAsync<JsonElement>("sigil/manifest/promote", new
        {
            spec = SharedRun.Spec, workspace = SharedRun.Workspace, key = GitProject.KeyName, candidates = new[] { run.BestCandidate },
            constraints = new[] { "speedup_ci_low>0" }, nonInferiority = "none",
        });
        project.CommitAll("Promote");
        var kernels = File.ReadAllText(Path.Combine(project.ProjectDirectory, "Kernels.cs"));
        var head = project.Git("rev-parse", "HEAD");

        var published = await client.RequestAsync<JsonElement>("sigil/manifest/publish", new { workDoneToken = "publish-1" });

        var branch = published.GetProperty("branch").GetString()!;
        var shortId = promoted.GetProperty("manifestId").GetString()!["manifest://b3:".Length..][..12];
        Assert.AreEqual("sigil/publish-" + shortId, branch);
        Assert.AreEqual("main", published.GetProperty("originalBranch").GetString());
        CollectionAssert.AreEqual(new[] { "app/Kernels.cs" }, published.GetProperty("changedFiles").EnumerateArray().Select(f => f.GetString()).ToArray());
        Assert.IsTrue(File.Exists(published.GetProperty("patch").GetString()));
        Assert.AreEqual(kernels, File.ReadAllText(Path.Combine(project.ProjectDirectory, "Kernels.cs")), "the working tree is left as it was");
        Assert.AreEqual(head, project.Git("rev-parse", "HEAD"), "main did not move");
        var rewritten = project.Git("show", $"{branch}:app/Kernels.cs");
        Assert.IsFalse(rewritten.Contains("values.Select(v => (long)v * v).Sum()", StringComparison.Ordinal), rewritten);
        StringAssert.Contains(rewritten, "public static long SumOfSquares(int[] values)");
        await client.WaitForEventAsync("$/progress", p => p.GetProperty("token").GetString() == "publish-1" && p.GetProperty("value").GetProperty("kind").GetString() == "end");
        var steps = client.Received("$/progress").Where(p => p.GetProperty("token").GetString() == "publish-1").Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.AreEqual("begin", steps[0]);
        Assert.AreEqual("end", steps[^1]);
        Assert.IsTrue(steps.Contains("report"), string.Join(",", steps));

        var again = await client.ErrorAsync("sigil/manifest/publish", new { branch }, 1008);
        StringAssert.Contains(again.Message, branch);
    }
}
