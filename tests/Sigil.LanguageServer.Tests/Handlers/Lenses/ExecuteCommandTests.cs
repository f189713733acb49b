using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Lenses;

/// <summary>workspace/executeCommand for the lens commands.</summary>
[TestClass]
public sealed class ExecuteCommandTests
{
    [TestMethod]
    public async Task ToggleTracker_FromLens_SwitchesAndRefreshesLenses()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path, refreshSupport: true);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        var toggle = (await client.LensesAsync(QuickStartProject.KernelsUri)).First(l => l.Command == "sigil.tracker.toggle");

        var on = await client.RequestAsync<JsonElement>("workspace/executeCommand", new { command = toggle.Command });
        var lensesOn = await client.LensesAsync(QuickStartProject.KernelsUri);
        var off = await client.RequestAsync<JsonElement>("workspace/executeCommand", new { command = toggle.Command });

        Assert.AreEqual("Tracker: off", toggle.Title);
        Assert.IsTrue(on.GetProperty("enabled").GetBoolean());
        Assert.IsTrue(lensesOn.Where(l => l.Command == "sigil.tracker.toggle").All(l => l.Title == "Tracker: on"));
        Assert.IsFalse(off.GetProperty("enabled").GetBoolean());
        Assert.IsGreaterThanOrEqualTo(2, client.Received("workspace/codeLens/refresh").Count, "each switch refreshes before it answers");
    }

    [TestMethod]
    public async Task ToggleTracker_ClientWithoutRefreshSupport_NoRefreshSent()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path, refreshSupport: false);
        await using var connection = client;

        await client.RequestAsync<JsonElement>("workspace/executeCommand", new { command = "sigil.tracker.toggle" });
        await client.RequestAsync<JsonElement>("sigil/tracker/stop", new { });

        Assert.IsEmpty(client.Received("workspace/codeLens/refresh"));
    }

    [TestMethod]
    public async Task ShowCandidates_FromLensAfterRun_ListsThePinsCandidates()
    {
        var run = await SharedRun.GetAsync();
        var show = run.LensesAfter.Where(l => l.Command == "sigil.candidates.show").ElementAt(1);

        var result = await run.Client.RequestAsync<JsonElement>("workspace/executeCommand", new { command = show.Command, arguments = new[] { show.Arguments[0] } });

        var candidates = result.GetProperty("candidates").EnumerateArray().ToList();
        Assert.IsNotEmpty(candidates);
        Assert.IsTrue(candidates.All(c => c.GetProperty("pin").GetString() == "Kernels.SumOfSquares(int[])"));
    }

    [TestMethod]
    public async Task Improve_WithoutArgument_InvalidParams()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.ErrorAsync("workspace/executeCommand", new { command = "sigil.improve" }, -32602);
        await client.ErrorAsync("workspace/executeCommand", new { command = "sigil.unknown" }, -32602);
    }

    [TestMethod]
    public async Task Improve_ProjectWithoutSamples_RunFinishesFailedWithRunError()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        var improve = (await client.LensesAsync(QuickStartProject.KernelsUri)).First(l => l.Command == "sigil.improve");

        var started = await client.RequestAsync<JsonElement>("workspace/executeCommand", new { command = improve.Command, arguments = new[] { improve.Arguments[0] } });
        var token = started.GetProperty("token").GetString();
        var finished = await client.WaitForEventAsync("sigil/run/finished", timeout: TimeSpan.FromMinutes(2));

        Assert.AreEqual("running", started.GetProperty("status").GetString());
        Assert.AreEqual(token, finished.GetProperty("token").GetString());
        Assert.AreEqual("failed", finished.GetProperty("status").GetString(), finished.ToString());
        Assert.AreEqual(1004, finished.GetProperty("error").GetProperty("code").GetInt32(), finished.ToString());
    }
}
