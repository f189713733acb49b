using Sigil.Manifests.Canonical;

namespace Sigil.Manifests.Tests.Canonical;

[TestClass]
public sealed class EcmaScriptNumberTests
{
    /// <summary>RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical JSON text.</summary>
    [TestMethod]
    [DataRow("0000000000000000", "0")]
    [DataRow("8000000000000000", "0")]
    [DataRow("0000000000000001", "5e-324")]
    [DataRow("8000000000000001", "-5e-324")]
    [DataRow("7fefffffffffffff", "1.7976931348623157e+308")]
    [DataRow("ffefffffffffffff", "-1.7976931348623157e+308")]
    [DataRow("4340000000000000", "9007199254740992")]
    [DataRow("c340000000000000", "-9007199254740992")]
    [DataRow("4430000000000000", "295147905179352830000")]
    [DataRow("44b52d02c7e14af5", "9.999999999999997e+22")]
    [DataRow("44b52d02c7e14af6", "1e+23")]
    [DataRow("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [DataRow("444b1ae4d6e2ef4e", "999999999999999700000")]
    [DataRow("444b1ae4d6e2ef4f", "999999999999999900000")]
    [DataRow("444b1ae4d6e2ef50", "1e+21")]
    [DataRow("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [DataRow("3eb0c6f7a0b5ed8d", "0.000001")]
    [DataRow("41b3de4355555553", "333333333.3333332")]
    [DataRow("41b3de4355555554", "333333333.33333325")]
    [DataRow("41b3de4355555555", "333333333.3333333")]
    [DataRow("41b3de4355555556", "333333333.3333334")]
    [DataRow("41b3de4355555557", "333333333.33333343")]
    [DataRow("becbf647612f3696", "-0.0000033333333333333333")]
    [DataRow("43143ff3c1cb0959", "1424953923781206.2")]
    public void Format_Rfc8785AppendixBValue_MatchesExpectedText(string ieeeHex, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieeeHex, 16));

        Assert.AreEqual(expected, EcmaScriptNumber.Format(value));
    }

    [TestMethod]
    [DataRow(1e21, "1e+21")]
    [DataRow(1e20, "100000000000000000000")]
    [DataRow(1e-7, "1e-7")]
    [DataRow(0.000001, "0.000001")]
    [DataRow(1.5e-7, "1.5e-7")]
    [DataRow(100.0, "100")]
    [DataRow(4.50, "4.5")]
    [DataRow(2e-3, "0.002")]
    [DataRow(1e30, "1e+30")]
    [DataRow(-1234.5678, "-1234.5678")]
    [DataRow(0.1, "0.1")]
    public void Format_ExponentThresholds_FollowEcmaScript(double value, string expected)
    {
        Assert.AreEqual(expected, EcmaScriptNumber.Format(value));
    }

    [TestMethod]
    public void Format_NegativeZero_IsZero()
    {
        Assert.AreEqual("0", EcmaScriptNumber.Format(-0.0));
    }

    [TestMethod]
    [DataRow(double.NaN)]
    [DataRow(double.PositiveInfinity)]
    [DataRow(double.NegativeInfinity)]
    public void Format_NonFiniteValue_Throws(double value)
    {
        var error = Assert.Throws<CanonicalJsonException>(() => EcmaScriptNumber.Format(value));

        Assert.Contains("finite", error.Message);
    }
}
