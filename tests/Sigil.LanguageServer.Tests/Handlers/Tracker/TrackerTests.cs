using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Tracker;

/// <summary>sigil/tracker/start|stop|status over TrackerService.</summary>
[TestClass]
public sealed class TrackerTests
{
    [TestMethod]
    public async Task StartStatusStop_SwitchTheProjectsTracker()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var started = await client.RequestAsync<JsonElement>("sigil/tracker/start", new { });
        var status = await client.RequestAsync<JsonElement>("sigil/tracker/status", null);
        var stopped = await client.RequestAsync<JsonElement>("sigil/tracker/stop", new { });

        Assert.IsTrue(started.GetProperty("enabled").GetBoolean());
        Assert.IsTrue(status.GetProperty("enabled").GetBoolean());
        Assert.IsFalse(stopped.GetProperty("enabled").GetBoolean());
        Assert.IsTrue(File.Exists(Path.Combine(project.SigilDirectory, "tracker.json")));
        Assert.AreEqual(0, stopped.GetProperty("records").GetInt32());
    }

    [TestMethod]
    public async Task Status_AfterAppRan_CountsRecords()
    {
        using var project = QuickStartProject.CreateWithSamples(rounds: 3);
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var status = await client.RequestAsync<JsonElement>("sigil/tracker/status", new { });

        Assert.IsFalse(status.GetProperty("enabled").GetBoolean());
        Assert.IsGreaterThan(0, status.GetProperty("records").GetInt32(), status.ToString());
        Assert.IsGreaterThan(0, status.GetProperty("segments").GetInt32());
    }
}
