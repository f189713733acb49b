using Sigil.Optimizers.Generators.Llm;
using Sigil.Projects;
using Sigil.Projects.Config;

namespace Sigil.Optimizers.Tests.Generators.Llm;

[TestClass]
public sealed class LlmGeneratorOptionsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [TestMethod]
    public void FromConfig_Configured_UsesConfigAndTheNamedKeyVariable()
    {
        var config = new LlmConfig { BaseUrl = "http://127.0.0.1:8080/v1/", Model = "qwen", ApiKeyEnv = "MY_KEY" };

        var options = LlmGeneratorOptions.FromConfig(config, Environment(("MY_KEY", "sk-abc"), ("OPENAI_API_KEY", "sk-other"), ("OPENAI_BASE_URL", "http://elsewhere/v1")));

        Assert.AreEqual(new Uri("http://127.0.0.1:8080/v1"), options.Endpoint);
        Assert.AreEqual("qwen", options.Model);
        Assert.AreEqual("sk-abc", options.ApiKey);
        Assert.AreEqual("MY_KEY", options.ApiKeySource);
    }

    [TestMethod]
    public void FromConfig_NoBaseUrlInConfig_UsesOpenAiBaseUrlAndFlagsWin()
    {
        var config = new LlmConfig { Model = "m" };

        var fromEnvironment = LlmGeneratorOptions.FromConfig(config, Environment(("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")));
        var fromFlags = LlmGeneratorOptions.FromConfig(config, Environment(("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")), baseUrl: "http://127.0.0.1:7/v1", model: "flagged");

        Assert.AreEqual(new Uri("http://127.0.0.1:9/v1"), fromEnvironment.Endpoint);
        Assert.AreEqual(new Uri("http://127.0.0.1:7/v1"), fromFlags.Endpoint);
        Assert.AreEqual("flagged", fromFlags.Model);
    }

    [TestMethod]
    public void FromConfig_NoKey_UsesThePlaceholderAndToStringNeverShowsAKey()
    {
        var config = new LlmConfig { BaseUrl = "http://127.0.0.1:8080/v1", Model = "m" };

        var keyless = LlmGeneratorOptions.FromConfig(config, Environment());
        var keyed = LlmGeneratorOptions.FromConfig(config, Environment(("OPENAI_API_KEY", "sk-very-secret")));

        Assert.IsNull(keyless.ApiKey);
        StringAssert.Contains(keyless.ToString(), "(placeholder)");
        Assert.IsFalse(keyed.ToString().Contains("sk-very-secret", StringComparison.Ordinal));
        StringAssert.Contains(keyed.ToString(), "from OPENAI_API_KEY");
    }

    [TestMethod]
    public void FromConfig_MissingEndpointOrModel_SaysWhatToSet()
    {
        var noUrl = Assert.ThrowsExactly<SigilProjectException>(() => LlmGeneratorOptions.FromConfig(new LlmConfig { Model = "m" }, Environment()));
        var noModel = Assert.ThrowsExactly<SigilProjectException>(() => LlmGeneratorOptions.FromConfig(new LlmConfig { BaseUrl = "http://h/v1" }, Environment()));
        var badUrl = Assert.ThrowsExactly<SigilProjectException>(() => LlmGeneratorOptions.FromConfig(new LlmConfig { BaseUrl = "ftp://h", Model = "m" }, Environment()));

        StringAssert.Contains(noUrl.Message, "llm.base_url");
        StringAssert.Contains(noUrl.Message, "OPENAI_BASE_URL");
        StringAssert.Contains(noModel.Message, "llm.model");
        StringAssert.Contains(badUrl.Message, "not an http(s) URL");
    }
}
