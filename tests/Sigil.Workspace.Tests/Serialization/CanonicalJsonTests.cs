using System.Text;
using Sigil.Workspace.Serialization;

namespace Sigil.Workspace.Tests.Serialization;

[TestClass]
public sealed class CanonicalJsonTests
{
    [TestMethod]
    public void Serialize_NestedValues_SortsKeysAndEscapesMinimally()
    {
        var value = new Dictionary<string, object?>
        {
            ["b"] = new List<object?> { 1, 2L, true, null, 0.5 },
            ["a"] = "quote\" slash\\ tab\t nl\n bell\u0007 é 😀",
            ["B"] = new Dictionary<string, object?> { ["y"] = double.NegativeInfinity, ["x"] = "" },
        };

        var json = Encoding.UTF8.GetString(CanonicalJson.Serialize(value));

        Assert.AreEqual("{\"B\":{\"x\":\"\",\"y\":\"-Infinity\"},\"a\":\"quote\\\" slash\\\\ tab\\t nl\\n bell\\u0007 é 😀\",\"b\":[1,2,true,null,0.5]}", json);
    }

    [TestMethod]
    public void Serialize_LoneSurrogate_Throws()
    {
        Assert.ThrowsExactly<EncoderFallbackException>(() => CanonicalJson.Serialize("bad \ud800 text"));
    }
}
