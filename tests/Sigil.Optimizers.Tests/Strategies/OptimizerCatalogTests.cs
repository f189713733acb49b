using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.AlphaEvolve;
using Sigil.Optimizers.Strategies.Annealing;
using Sigil.Optimizers.Strategies.Bandit;
using Sigil.Optimizers.Strategies.BestOfN;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Mads;

namespace Sigil.Optimizers.Tests.Strategies;

[TestClass]
public sealed class OptimizerCatalogTests
{
    [TestMethod]
    public void Create_EachName_ReturnsThatOptimizerWithDefaults()
    {
        var expected = new Dictionary<string, Type>
        {
            ["best-of-n"] = typeof(BestOfNOptimizer),
            ["alphaevolve"] = typeof(AlphaEvolveOptimizer),
            ["annealing"] = typeof(SimulatedAnnealingOptimizer),
            ["rl"] = typeof(BanditOptimizer),
            ["mads"] = typeof(MadsOptimizer),
        };

        CollectionAssert.AreEqual(expected.Keys.ToArray(), OptimizerCatalog.Names.ToArray());
        foreach (var (name, type) in expected)
        {
            var optimizer = OptimizerCatalog.Create(name);
            Assert.IsInstanceOfType(optimizer, type);
            Assert.AreEqual(name, optimizer.Name);
            Assert.AreEqual(name, optimizer.Configuration.Name);
            Assert.IsNull(optimizer.LastStop);
            var info = OptimizerCatalog.Describe(name);
            CollectionAssert.AreEqual(info.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray(), optimizer.Configuration.Parameters.Keys.ToArray());
            foreach (var parameter in info.Parameters)
            {
                Assert.AreEqual(parameter.Default, optimizer.Configuration.Parameters[parameter.Name], $"{name} {parameter.Name}");
                Assert.IsFalse(string.IsNullOrWhiteSpace(parameter.Description));
            }
            Assert.AreSame(info.DefaultSystemPrompt, optimizer.Configuration.SystemPrompt);
        }
    }

    [TestMethod]
    public void Create_NameInOtherCase_IsFound()
    {
        Assert.AreEqual("alphaevolve", OptimizerCatalog.Create(" AlphaEvolve ").Name);
    }

    [TestMethod]
    public void Create_UnknownName_ThrowsListingTheValidNames()
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerCatalog.Create("genetic"));

        StringAssert.Contains(ex.Message, "'genetic'");
        StringAssert.Contains(ex.Message, "best-of-n, alphaevolve, annealing, rl, mads");
    }

    [TestMethod]
    public void Create_UnknownParameter_ThrowsListingTheOptimizersParameters()
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerCatalog.Create("annealing", OptimizerSettings.Default.With("temperature", "1")));

        StringAssert.Contains(ex.Message, "'annealing' has no parameter 'temperature'");
        StringAssert.Contains(ex.Message, "initial-temperature, final-temperature, stale-limit");
    }

    [TestMethod]
    [DataRow("alphaevolve", "islands", "0", "an integer from 1 to 64")]
    [DataRow("alphaevolve", "exploit-rate", "1.5", "a number from 0 to 1")]
    [DataRow("alphaevolve", "cascade", "yes", "true or false")]
    [DataRow("rl", "policy", "epsilon", "one of ucb1, thompson")]
    [DataRow("rl", "trial-cost-usd", "0", "a number greater than 0 and at most 1000")]
    [DataRow("best-of-n", "n", "ten", "an integer from 0 to")]
    public void Create_InvalidValue_ThrowsWithTheValidRange(string name, string parameter, string value, string valid)
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerCatalog.Create(name, OptimizerSettings.Default.With(parameter, value)));

        StringAssert.StartsWith(ex.Message, $"The {name} parameter '{parameter}' must be {valid}");
        StringAssert.EndsWith(ex.Message, $"got '{value}'.");
    }

    [TestMethod]
    public void Create_WithParameters_ResolvesThemInvariantly()
    {
        var settings = OptimizerSettings.FromPairs(["islands=6", "EXPLOIT-RATE=0.25", "cascade=False"]);

        var optimizer = (AlphaEvolveOptimizer)OptimizerCatalog.Create("alphaevolve", settings);

        Assert.AreEqual(6, optimizer.Islands);
        Assert.AreEqual(0.25, optimizer.ExploitRate);
        Assert.IsFalse(optimizer.Cascade);
        Assert.AreEqual("false", optimizer.Configuration.Parameters["cascade"]);
        StringAssert.Contains(optimizer.Configuration.Summary, "alphaevolve prompt=sigil.codeopt.alphaevolve@1 cascade=false exploit-rate=0.25");
    }

    [TestMethod]
    public void Create_SystemPromptOverride_ReplacesTheOptimizersPrompt()
    {
        var optimizer = OptimizerCatalog.Create("annealing", new OptimizerSettings { SystemPrompt = "Only touch loops." });

        Assert.AreEqual("Only touch loops.", optimizer.Configuration.SystemPrompt.Text);
        Assert.AreEqual("sigil.codeopt.annealing.custom@1", optimizer.Configuration.SystemPrompt.Id);
        Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerCatalog.Create("mads", new OptimizerSettings { SystemPrompt = "  " }));
    }

    [TestMethod]
    public void DefaultSystemPrompts_ExtendTheMasterPromptWhereTheStrategyAsksSomethingParticular()
    {
        Assert.AreSame(MasterPrompt.Default, OptimizerCatalog.Describe("best-of-n").DefaultSystemPrompt, "the plain baseline uses the plain prompt");
        foreach (var name in new[] { "alphaevolve", "annealing", "mads" })
        {
            var prompt = OptimizerCatalog.Describe(name).DefaultSystemPrompt;
            StringAssert.StartsWith(prompt.Text, MasterPrompt.Default.Text.TrimEnd());
            Assert.AreEqual($"sigil.codeopt.{name}@1", prompt.Id);
        }
    }

    [TestMethod]
    public void Parameters_EveryDefault_IsValidForItsOwnRange()
    {
        foreach (var parameter in OptimizerCatalog.All.SelectMany(o => o.Parameters))
        {
            if (parameter.Kind is ParameterKind.Integer or ParameterKind.Number)
            {
                Assert.IsTrue(parameter.InRange(double.Parse(parameter.Default, System.Globalization.CultureInfo.InvariantCulture)), parameter.Name);
            }
            Assert.IsFalse(string.IsNullOrWhiteSpace(parameter.ValidValues), parameter.Name);
        }
    }
}
