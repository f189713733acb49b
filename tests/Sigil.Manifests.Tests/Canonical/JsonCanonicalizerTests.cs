using System.Text;
using System.Text.Json.Nodes;
using Sigil.Manifests.Canonical;

namespace Sigil.Manifests.Tests.Canonical;

[TestClass]
public sealed class JsonCanonicalizerTests
{
    [TestMethod]
    public void Canonicalize_Rfc8785Section322Example_MatchesExpectedBytes()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected =
            """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";

        Assert.AreEqual(expected, Text(JsonCanonicalizer.Canonicalize(input)));
    }

    [TestMethod]
    public void Canonicalize_Rfc8785Section323SortingExample_OrdersKeysByUtf16CodeUnits()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        var expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";

        Assert.AreEqual(expected, Text(JsonCanonicalizer.Canonicalize(input)));
    }

    [TestMethod]
    public void Canonicalize_ControlCharacters_UseShortEscapesOrLowercaseHex()
    {
        const string input = """["\u0008\u0009\u000a\u000c\u000d","\u0000\u001f\u001F","\u007f\u2028é\/"]""";

        var canonical = Text(JsonCanonicalizer.Canonicalize(input));

        Assert.AreEqual("[\"\\b\\t\\n\\f\\r\",\"\\u0000\\u001f\\u001f\",\"\u007f\u2028é/\"]", canonical);
    }

    [TestMethod]
    public void Canonicalize_NonAsciiCharacters_AreLiteralUtf8()
    {
        var bytes = JsonCanonicalizer.Canonicalize("""{"k":"\u20ac"}""");

        Assert.AreSequenceEqual(new byte[] { (byte)'{', (byte)'"', (byte)'k', (byte)'"', (byte)':', (byte)'"', 0xE2, 0x82, 0xAC, (byte)'"', (byte)'}' }, bytes);
    }

    [TestMethod]
    public void Canonicalize_SameDataInOtherOrderAndWhitespace_GivesSameBytes()
    {
        const string first = """{"b":{"y":[1,2.0,{"q":true,"p":null}],"x":"s"},"a":-0}""";
        const string second = """
            {  "a" : 0.0 ,
               "b" : { "x" : "s", "y" : [ 1.0 , 2 , { "p" : null , "q" : true } ] } }
            """;

        var canonical = Text(JsonCanonicalizer.Canonicalize(first));

        Assert.AreEqual("""{"a":0,"b":{"x":"s","y":[1,2,{"p":null,"q":true}]}}""", canonical);
        Assert.AreEqual(canonical, Text(JsonCanonicalizer.Canonicalize(second)));
    }

    [TestMethod]
    public void Canonicalize_DuplicateKey_ThrowsNamingPath()
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("""{"a":{"k":1,"k":2}}"""));

        Assert.Contains("$.a", error.Message);
        Assert.Contains("\"k\"", error.Message);
    }

    [TestMethod]
    public void Canonicalize_NumberBeyondDoubleRange_Throws()
    {
        var error = Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("""{"n":[1,1e400]}"""));

        Assert.Contains("$.n[1]", error.Message);
    }

    [TestMethod]
    public void Canonicalize_LoneSurrogate_Throws()
    {
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("""["\ud800x"]"""));
    }

    [TestMethod]
    public void Canonicalize_JsonNodeHoldingNaN_Throws()
    {
        var node = new JsonObject { ["x"] = JsonValue.Create(double.NaN) };

        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(node));
    }

    [TestMethod]
    public void Canonicalize_JsonNodeTree_MatchesTextForm()
    {
        var node = new JsonObject { ["z"] = 1.5, ["a"] = new JsonArray(1e21, "t", false), ["m"] = null };

        Assert.AreEqual("""{"a":[1e+21,"t",false],"m":null,"z":1.5}""", Text(JsonCanonicalizer.Canonicalize(node)));
    }

    [TestMethod]
    public void Canonicalize_InvalidJson_Throws()
    {
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize("{\"a\":"));
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
