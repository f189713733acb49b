using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Lifecycle;

/// <summary>initialize, initialized, shutdown, exit.</summary>
[TestClass]
public sealed class LifecycleTests
{
    [TestMethod]
    public async Task Initialize_ProjectFolder_AnswersCapabilitiesAndTheProject()
    {
        using var project = QuickStartProject.Create();
        var (client, result) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        var capabilities = result.GetProperty("capabilities");
        Assert.AreEqual(1, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.IsTrue(capabilities.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean());
        Assert.IsFalse(capabilities.GetProperty("codeLensProvider").GetProperty("resolveProvider").GetBoolean());
        CollectionAssert.AreEquivalent(new[] { "sigil.improve", "sigil.candidates.show", "sigil.tracker.toggle" },
            capabilities.GetProperty("executeCommandProvider").GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToArray());
        var sigil = capabilities.GetProperty("experimental").GetProperty("sigil");
        Assert.AreEqual(project.Path, sigil.GetProperty("projectDirectory").GetString());
        CollectionAssert.Contains(sigil.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ToList(), "sigil/run/start");
        Assert.AreEqual("sigil-lsp", result.GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task Initialize_SubfolderOfProject_FindsSigilJsonAbove()
    {
        using var project = QuickStartProject.Create();
        var nested = Path.Combine(project.Path, "src", "deep");
        Directory.CreateDirectory(nested);
        var (client, result) = await LspClient.StartInitializedAsync(nested);
        await using var connection = client;

        Assert.AreEqual(project.Path, result.GetProperty("capabilities").GetProperty("experimental").GetProperty("sigil").GetProperty("projectDirectory").GetString());
    }

    [TestMethod]
    public async Task InitializeTwice_InvalidRequest()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.ErrorAsync("initialize", new { capabilities = new { } }, -32600);
    }

    [TestMethod]
    public async Task ShutdownThenExit_ExitsWithZero()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        Assert.AreEqual(0, await client.ShutdownAsync());
    }

    [TestMethod]
    public async Task ExitWithoutShutdown_ExitsWithOne()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.NotifyAsync("exit", null);

        Assert.AreEqual(1, client.Server.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public async Task EndOfInput_ServerExits()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        client.Server.Process.StandardInput.Close();

        Assert.AreEqual(1, client.Server.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.IsFalse(string.IsNullOrEmpty(client.Server.Stderr), "the server logs to stderr");
    }
}
