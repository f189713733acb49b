using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Diagnostics;

/// <summary>The project's manifest verified as the resolver would, its failure published on the manifest file.</summary>
[TestClass]
public sealed class ManifestDiagnosticsTests
{
    [TestMethod]
    public async Task Initialized_InvalidManifest_ErrorDiagnosticWithVerificationCode()
    {
        using var project = QuickStartProject.Create();
        var manifest = Path.Combine(project.Path, "sigil.manifest.json");
        File.WriteAllText(manifest, """{"schema": "sigil/manifest@0", "pins": "not a list"}""");

        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        var uri = new Uri(manifest).AbsoluteUri;
        var published = await client.WaitForEventAsync("textDocument/publishDiagnostics", d => d.GetProperty("uri").GetString() == uri);
        var verified = await client.RequestAsync<JsonElement>("sigil/manifest/verify", new { });

        var diagnostic = published.GetProperty("diagnostics").EnumerateArray().First();
        Assert.AreEqual(1, diagnostic.GetProperty("severity").GetInt32());
        Assert.IsFalse(verified.GetProperty("valid").GetBoolean());
        Assert.AreEqual(verified.GetProperty("code").GetString(), diagnostic.GetProperty("code").GetString());
        StringAssert.Contains(diagnostic.GetProperty("message").GetString(), "would not be applied");
    }

    [TestMethod]
    public async Task Initialized_NoManifest_NothingPublishedForIt()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;

        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        await client.WaitForEventAsync("textDocument/publishDiagnostics", d => d.GetProperty("uri").GetString() == QuickStartProject.KernelsUri);

        Assert.IsFalse(client.Received("textDocument/publishDiagnostics").Any(d => d.GetProperty("uri").GetString()!.EndsWith(".manifest.json", StringComparison.Ordinal)));
    }
}
