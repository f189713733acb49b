using Sigil.Optimizers.Strategies.Configuration;

namespace Sigil.Optimizers.Tests.Strategies;

[TestClass]
public sealed class OptimizerSettingsTests
{
    private static readonly OptimizerParameter Count = OptimizerParameter.Integer("count", 4, 1, 10, "How many.");
    private static readonly OptimizerParameter Rate = OptimizerParameter.Number("rate", 0.5, 0, 1, "How often.", maximumExclusive: true);
    private static readonly OptimizerParameter Flag = OptimizerParameter.Boolean("flag", true, "Whether.");
    private static readonly OptimizerParameter Mode = OptimizerParameter.Choice("mode", "fast", ["fast", "careful"], "How.");

    [TestMethod]
    public void Getters_Unset_ReturnTheDefaults()
    {
        var settings = OptimizerSettings.Default;

        Assert.AreEqual(4, settings.GetInt32(Count));
        Assert.AreEqual(0.5, settings.GetDouble(Rate));
        Assert.IsTrue(settings.GetBoolean(Flag));
        Assert.AreEqual("fast", settings.GetString(Mode));
        Assert.IsFalse(settings.IsSet(Count));
    }

    [TestMethod]
    public void Getters_SetValues_AreParsedInvariantlyIgnoringNameCase()
    {
        var settings = OptimizerSettings.FromPairs(["COUNT = 7", "rate=2.5e-1", "flag=FALSE", "mode=Careful"]);

        Assert.AreEqual(7, settings.GetInt32(Count));
        Assert.AreEqual(0.25, settings.GetDouble(Rate));
        Assert.IsFalse(settings.GetBoolean(Flag));
        Assert.AreEqual("careful", settings.GetString(Mode), "choices come back as spelled in the definition");
        Assert.IsTrue(settings.IsSet(Count));
    }

    [TestMethod]
    [DataRow("count", "11", "an integer from 1 to 10")]
    [DataRow("count", "2.5", "an integer from 1 to 10")]
    [DataRow("rate", "1", "a number at least 0 and less than 1")]
    [DataRow("rate", "NaN", "a number at least 0 and less than 1")]
    [DataRow("rate", "0,5", "a number at least 0 and less than 1")]
    [DataRow("flag", "1", "true or false")]
    [DataRow("mode", "slow", "one of fast, careful")]
    public void Validate_BadValue_SaysWhatIsValidAndWhatWasGiven(string name, string value, string valid)
    {
        var settings = OptimizerSettings.Default.With(name, value);

        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => settings.Validate("demo", [Count, Rate, Flag, Mode]));

        Assert.AreEqual($"The demo parameter '{name}' must be {valid}; got '{value}'.", ex.Message);
    }

    [TestMethod]
    public void Validate_UnknownName_ListsTheKnownOnes()
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerSettings.Default.With("speed", "1").Validate("demo", [Count, Rate]));

        Assert.AreEqual("The optimizer 'demo' has no parameter 'speed'; its parameters are count, rate.", ex.Message);
    }

    [TestMethod]
    [DataRow("islands")]
    [DataRow("=4")]
    public void FromPairs_NotNameEqualsValue_Throws(string pair)
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerSettings.FromPairs([pair]));

        StringAssert.Contains(ex.Message, "name=value");
    }

    [TestMethod]
    public void FromPairs_NameTwice_Throws()
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => OptimizerSettings.FromPairs(["n=1", "N=2"]));

        StringAssert.Contains(ex.Message, "given twice");
    }

    [TestMethod]
    public void With_Number_WritesInvariantText()
    {
        var settings = OptimizerSettings.Default.With("rate", 0.125);

        Assert.AreEqual("0.125", settings.Parameters["rate"]);
        Assert.AreEqual(0.125, settings.GetDouble(Rate));
    }
}
