using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Hosting;

/// <summary>Unknown methods, wrong params and requests out of the lifecycle get JSON-RPC errors; the server stays up.</summary>
[TestClass]
public sealed class RequestErrorTests
{
    [TestMethod]
    public async Task UnknownMethod_MethodNotFound_ThenNextRequestWorks()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.ErrorAsync("sigil/nothing/here", new { }, -32601);
        var status = await client.RequestAsync<JsonElement>("sigil/tracker/status", new { });

        Assert.IsFalse(status.GetProperty("enabled").GetBoolean());
    }

    [TestMethod]
    public async Task WrongParamType_InvalidParamsNamingTheField()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var error = await client.ErrorAsync("sigil/candidates/list", new { spec = 42 }, -32602);
        var notObject = await client.ErrorAsync("sigil/run/start", new[] { 1, 2 }, -32602);

        StringAssert.Contains(error.Message, "$.spec");
        Assert.IsNotNull(notObject);
        Assert.IsFalse(client.Server.Process.HasExited);
    }

    [TestMethod]
    public async Task MissingRequiredField_InvalidParamsWithExample()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var error = await client.ErrorAsync("sigil/scores/history", new { }, -32602);

        StringAssert.Contains(error.Message, "'spec' is required");
        Assert.AreEqual("invalid-params", RpcErrors.Data(error).GetProperty("kind").GetString());
    }

    [TestMethod]
    public async Task RequestBeforeInitialize_ServerNotInitialized()
    {
        using var project = QuickStartProject.Create();
        await using var client = LspClient.Start(project.Path);

        var error = await client.ErrorAsync("sigil/tracker/status", new { }, -32002);

        StringAssert.Contains(error.Message, "initialize");
    }

    [TestMethod]
    public async Task RequestAfterShutdown_InvalidRequest_ExitCodeZero()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.RequestAsync<JsonElement?>("shutdown", null);
        await client.ErrorAsync("sigil/tracker/status", new { }, -32600);
        await client.NotifyAsync("exit", null);

        Assert.AreEqual(0, client.Server.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public async Task NoProject_ProjectRequestsAnswerNoProject()
    {
        using var folder = new TempFolder();
        var (client, result) = await LspClient.StartInitializedAsync(folder.Path);
        await using var connection = client;

        var error = await client.ErrorAsync("sigil/tracker/status", new { }, 1001);

        Assert.IsFalse(result.GetProperty("capabilities").GetProperty("experimental").GetProperty("sigil").TryGetProperty("projectDirectory", out _), result.ToString());
        Assert.AreEqual("no-project", RpcErrors.Data(error).GetProperty("kind").GetString());
    }
}
