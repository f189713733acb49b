using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Manifests;

/// <summary>sigil/manifest/promote, verify and publish on the shared run's store (the project is not a git repository).</summary>
[TestClass]
public sealed class ManifestRequestTests
{
    [TestMethod]
    public async Task Promote_BestWithStoredEvidence_SignsManifestThatVerifyAndDiagnosticsReportWithoutArtifacts()
    {
        var run = await SharedRun.GetAsync();

        var promoted = await run.Client.RequestAsync<JsonElement>("sigil/manifest/promote", new
        {
            spec = SharedRun.Spec,
            workspace = SharedRun.Workspace,
            key = SharedRun.KeyName,
            candidates = new[] { run.BestCandidate },
            constraints = new[] { "speedup_ci_low>0" },
            nonInferiority = "none",
            force = true,
        });
        var verified = await run.Client.RequestAsync<JsonElement>("sigil/manifest/verify", new { });
        var uri = new Uri(Path.Combine(run.Project.Path, "sigil.manifest.json")).AbsoluteUri;
        var published = await run.Client.WaitForEventAsync("textDocument/publishDiagnostics", d => d.GetProperty("uri").GetString() == uri);

        var path = promoted.GetProperty("manifestPath").GetString()!;
        Assert.IsTrue(File.Exists(path), promoted.ToString());
        Assert.AreEqual(Path.Combine(run.Project.Path, "sigil.manifest.json"), path);
        var pin = promoted.GetProperty("pins").EnumerateArray().Single();
        Assert.AreEqual(run.BestCandidate, pin.GetProperty("candidate").GetString());
        Assert.AreEqual("Kernels.SumOfSquares(int[])", pin.GetProperty("pin").GetString());
        Assert.IsFalse(promoted.GetProperty("warnings").EnumerateArray().Any(w => w.GetString()!.StartsWith("No artifacts were compiled", StringComparison.Ordinal)), promoted.ToString());
        Assert.AreEqual(promoted.GetProperty("manifestId").GetString(), verified.GetProperty("manifestId").GetString());
        Assert.AreEqual(path, verified.GetProperty("manifest").GetString());
        // Promote compiled the approved method into sigil-artifacts/, so the manifest is one the prod resolver applies,
        // and the editor shows no problem on it.
        Assert.IsTrue(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        Assert.IsTrue(Directory.EnumerateFiles(Path.Combine(run.Project.Path, "sigil-artifacts"), "*.dll").Any());
        Assert.AreEqual(0, published.GetProperty("diagnostics").GetArrayLength(), published.ToString());
    }

    [TestMethod]
    public async Task Promote_WorkspaceWithoutCandidates_TrustRefusedWithTheTrustCode()
    {
        var run = await SharedRun.GetAsync();

        var error = await run.Client.ErrorAsync("sigil/manifest/promote", new { spec = SharedRun.Spec, workspace = "empty", key = SharedRun.KeyName }, 1007);

        var data = RpcErrors.Data(error);
        Assert.AreEqual("trust-refused", data.GetProperty("kind").GetString());
        Assert.IsFalse(string.IsNullOrEmpty(data.GetProperty("trustCode").GetString()));
        Assert.AreEqual("sigil/manifest/promote", data.GetProperty("method").GetString());
    }

    [TestMethod]
    public async Task Promote_BadPolicyOrMissingKey_InvalidParams()
    {
        var run = await SharedRun.GetAsync();

        await run.Client.ErrorAsync("sigil/manifest/promote", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace }, -32602);
        await run.Client.ErrorAsync("sigil/manifest/promote", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, key = SharedRun.KeyName, expiresInDays = 0 }, -32602);
        await run.Client.ErrorAsync("sigil/manifest/promote", new { spec = SharedRun.Spec, workspace = SharedRun.Workspace, key = SharedRun.KeyName, objective = "fame" }, -32602);
    }

    [TestMethod]
    public async Task VerifyAndPublish_MissingManifest_ManifestNotFound()
    {
        var run = await SharedRun.GetAsync();

        var verify = await run.Client.ErrorAsync("sigil/manifest/verify", new { manifest = "nowhere.manifest.json" }, 1007);
        var publish = await run.Client.ErrorAsync("sigil/manifest/publish", new { manifest = "nowhere.manifest.json" }, 1007);

        Assert.AreEqual("manifest-not-found", RpcErrors.Data(verify).GetProperty("trustCode").GetString());
        Assert.AreEqual("manifest-not-found", RpcErrors.Data(publish).GetProperty("trustCode").GetString());
    }

    [TestMethod]
    public async Task Publish_ProjectNotInGit_PublishRefusedAndNothingWritten()
    {
        var run = await SharedRun.GetAsync();
        await run.Client.RequestAsync<JsonElement>("sigil/manifest/promote", new
        {
            spec = SharedRun.Spec, workspace = SharedRun.Workspace, key = SharedRun.KeyName, candidates = new[] { run.BestCandidate },
            constraints = new[] { "speedup_ci_low>0" }, nonInferiority = "none", @out = "publish.manifest.json", force = true,
        });
        var before = Directory.GetFiles(run.Project.Path, "*", SearchOption.TopDirectoryOnly).Order().ToList();

        var error = await run.Client.ErrorAsync("sigil/manifest/publish", new { manifest = "publish.manifest.json", branch = "sigil/test" }, 1008);
        var badBranch = await run.Client.ErrorAsync("sigil/manifest/publish", new { manifest = "publish.manifest.json", branch = "-x y" }, -32602);

        StringAssert.Contains(error.Message, "git");
        Assert.IsNotNull(badBranch);
        CollectionAssert.AreEqual(before, Directory.GetFiles(run.Project.Path, "*", SearchOption.TopDirectoryOnly).Order().ToList());
    }
}
