using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;
using StreamJsonRpc;

namespace Sigil.LanguageServer.Tests.Handlers.Runs;

/// <summary>Runs stop on sigil/run/cancel, on window/workDoneProgress/cancel and on $/cancelRequest of a waiting start.</summary>
[TestClass]
public sealed class RunCancelTests
{
    private static QuickStartProject s_project = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _) => s_project = QuickStartProject.CreateWithSamples(rounds: 6);

    [ClassCleanup]
    public static void Cleanup() => s_project.Dispose();

    [TestMethod]
    public async Task RunCancel_MidRun_StopsWithCancelledAndBusyUntilThen()
    {
        var (client, _) = await LspClient.StartInitializedAsync(s_project.Path);
        await using var connection = client;
        var start = await client.RequestAsync<JsonElement>("sigil/run/start", Long("cancel-me"));
        var token = start.GetProperty("token").GetString()!;
        await client.WaitForEventAsync("$/progress", MidRun, TimeSpan.FromMinutes(2));

        var busy = await client.ErrorAsync("sigil/run/start", Long("cancel-me"), 1012);
        var cancel = await client.RequestAsync<JsonElement>("sigil/run/cancel", new { token });
        var finished = await client.WaitForEventAsync("sigil/run/finished", f => f.GetProperty("token").GetString() == token);
        var again = await client.RequestAsync<JsonElement>("sigil/run/cancel", new { token });

        StringAssert.Contains(busy.Message, token);
        Assert.IsTrue(cancel.GetProperty("cancelled").GetBoolean(), cancel.ToString());
        Assert.AreEqual("cancelled", cancel.GetProperty("status").GetString());
        Assert.AreEqual("cancelled", finished.GetProperty("status").GetString());
        Assert.AreEqual(1015, finished.GetProperty("error").GetProperty("code").GetInt32());
        Assert.IsFalse(again.GetProperty("cancelled").GetBoolean(), "a second cancel finds it ended");
        var end = client.Received("$/progress").Last(p => p.GetProperty("token").GetString() == token).GetProperty("value");
        Assert.AreEqual("end", end.GetProperty("kind").GetString());
    }

    [TestMethod]
    public async Task CancelRequest_OnWaitingStart_CancelsTheRun()
    {
        var (client, _) = await LspClient.StartInitializedAsync(s_project.Path, workDoneProgress: false);
        await using var connection = client;
        using var cancel = new CancellationTokenSource();
        var parameters = Long("cancel-request") with { wait = true, workDoneToken = "client-token-1" };
        var waiting = client.Rpc.InvokeWithParameterObjectAsync<JsonElement>("sigil/run/start", parameters, cancel.Token);
        await client.WaitForEventAsync("$/progress", MidRun, TimeSpan.FromMinutes(2));

        await cancel.CancelAsync();
        var finished = await client.WaitForEventAsync("sigil/run/finished", f => f.GetProperty("token").GetString() == "client-token-1");

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await waiting);
        Assert.AreEqual("cancelled", finished.GetProperty("status").GetString(), finished.ToString());
        Assert.IsEmpty(client.Received("window/workDoneProgress/create"), "the client's own token is used, nothing is created");
        Assert.IsTrue(client.Received("$/progress").All(p => p.GetProperty("token").GetString() == "client-token-1"));
    }

    [TestMethod]
    public async Task ProgressCancel_FromTheClient_CancelsTheRun()
    {
        var (client, _) = await LspClient.StartInitializedAsync(s_project.Path);
        await using var connection = client;
        var token = (await client.RequestAsync<JsonElement>("sigil/run/start", Long("progress-cancel"))).GetProperty("token").GetString()!;
        await client.WaitForEventAsync("$/progress", MidRun, TimeSpan.FromMinutes(2));

        await client.NotifyAsync("window/workDoneProgress/cancel", new { token });
        var finished = await client.WaitForEventAsync("sigil/run/finished", f => f.GetProperty("token").GetString() == token);

        Assert.AreEqual("cancelled", finished.GetProperty("status").GetString(), finished.ToString());
    }

    [TestMethod]
    public async Task NoProgressNorRefreshSupport_NoProgressNoRefreshButFinished()
    {
        var (client, _) = await LspClient.StartInitializedAsync(s_project.Path, refreshSupport: false, workDoneProgress: false);
        await using var connection = client;

        var result = await client.RequestAsync<JsonElement>("sigil/run/start", Long("quiet") with { optimizer = "best-of-n", pin = "SumOfSquares", iterations = 1, rounds = 5, wait = true });

        Assert.AreEqual("completed", result.GetProperty("status").GetString(), result.ToString());
        Assert.AreEqual(1, result.GetProperty("result").GetProperty("pins")[0].GetProperty("trials").GetInt32());
        Assert.IsEmpty(client.Received("$/progress"), "LSP: no progress on tokens the client does not know");
        Assert.IsEmpty(client.Received("window/workDoneProgress/create"));
        await client.WaitForEventAsync("sigil/run/finished");
        Assert.IsEmpty(client.Received("workspace/codeLens/refresh"), "the client did not declare workspace.codeLens.refreshSupport");
    }

    /// <summary>A run far longer than any test waits: MADS over Root's literals, 200 trials.</summary>
    private static RunOptions Long(string workspace) => new("quickstart", workspace, "mads", 200, "Root", 5, 20, true, false, null);

    /// <summary>A report once the project is open and the baseline is being measured: the run is well under way.</summary>
    private static bool MidRun(JsonElement progress) =>
        progress.GetProperty("value").TryGetProperty("sigil", out var s) && s.GetProperty("phase").GetString() is "baseline" or "searching";

    /// <summary>sigil/run/start params as a record, so tests can vary them with 'with'.</summary>
    private sealed record RunOptions(string spec, string workspace, string optimizer, int iterations, string pin, int rounds, int acceptRounds, bool rulesOnly, bool wait, string? workDoneToken);
}
