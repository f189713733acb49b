using System.Text;
using Sigil.Publishing.Rewriting;

namespace Sigil.Publishing.Tests.Rewriting;

[TestClass]
public sealed class EncodedTextTests
{
    [TestMethod]
    public void TryDecode_Utf8WithBom_EncodesBackWithTheBom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("class Ä {}\r\n")];

        var decoded = EncodedText.TryDecode(bytes)!;

        Assert.AreEqual("class Ä {}\r\n", decoded.Text);
        CollectionAssert.AreEqual(bytes, decoded.Encode(decoded.Text));
    }

    [TestMethod]
    public void TryDecode_Utf8WithoutBom_EncodesBackWithoutBom()
    {
        var bytes = Encoding.UTF8.GetBytes("class A {}\n");

        var decoded = EncodedText.TryDecode(bytes)!;

        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes("class B {}\n"), decoded.Encode("class B {}\n"));
    }

    [TestMethod]
    public void TryDecode_Utf16WithBom_RoundTrips()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("class A {}\n")];

        var decoded = EncodedText.TryDecode(bytes)!;

        Assert.AreEqual("class A {}\n", decoded.Text);
        CollectionAssert.AreEqual(bytes, decoded.Encode(decoded.Text));
    }

    [TestMethod]
    public void TryDecode_Latin1Bytes_Null()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("// caf"), 0xE9, (byte)'\n'];

        Assert.IsNull(EncodedText.TryDecode(bytes));
    }
}
