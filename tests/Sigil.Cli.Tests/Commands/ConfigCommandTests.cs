using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands;

[TestClass]
public sealed class ConfigCommandTests
{
    [TestMethod]
    public void SetThenGet_RoundTripsAndPersists()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");

        Assert.AreEqual(0, SigilCli.Run(folder.Path, "config", "set", "llm.base_url", "http://127.0.0.1:8080/v1").ExitCode);
        Assert.AreEqual(0, SigilCli.Run(folder.Path, "config", "set", "llm.model", "local-model").ExitCode);
        var get = SigilCli.Run(folder.Path, "config", "get", "llm.base_url");
        var list = JsonDocument.Parse(SigilCli.Run(folder.Path, "config", "list", "--json").StandardOutput).RootElement;

        Assert.AreEqual("http://127.0.0.1:8080/v1", get.StandardOutput.Trim());
        Assert.AreEqual("local-model", list.GetProperty("llm.model").GetString());
        Assert.AreEqual("off", list.GetProperty("resolver.mode").GetString());
    }

    [TestMethod]
    [DataRow("resolver.mode", "fast", "off, dev or prod")]
    [DataRow("llm.base_url", "ftp://x", "http(s) URL")]
    [DataRow("llm.api_key_env", "1BAD-NAME", "environment variable")]
    [DataRow("project", "App.fsproj", ".csproj")]
    [DataRow("no.such.key", "x", "Known settings")]
    public void Set_BadKeyOrValue_OneLineErrorAndConfigUnchanged(string key, string value, string fragment)
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        var before = File.ReadAllBytes(folder.Combine("sigil.json"));

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "config", "set", key, value), 1, fragment);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(folder.Combine("sigil.json")));
    }

    [TestMethod]
    public void Config_CorruptFile_SaysHowToFixIt()
    {
        using var folder = new TempFolder();
        SigilCli.Run(folder.Path, "init");
        File.WriteAllText(folder.Combine("sigil.json"), "{ \"project\": ");

        SigilCli.AssertFails(SigilCli.Run(folder.Path, "config"), 1, "not valid JSON");
        Assert.AreEqual("{ \"project\": ", File.ReadAllText(folder.Combine("sigil.json")));
    }
}
