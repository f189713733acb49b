using System.Text;
using Sigil.Core.Hashing;

namespace Sigil.Core.Tests.Hashing;

[TestClass]
public sealed class Blake3DigestTests
{
    [TestMethod]
    public void Hex_KnownVectors()
    {
        Assert.AreEqual("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", Blake3Digest.Hex(""));
        Assert.AreEqual("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85", Blake3Digest.Hex("abc"));
    }

    [TestMethod]
    public void Hex_Stream_SameAsBytes()
    {
        var data = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();

        Assert.AreEqual(Blake3Digest.Hex(data), Blake3Digest.Hex(new MemoryStream(data)));
    }

    [TestMethod]
    [DataRow("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", true)]
    [DataRow("AF1349B9F5F9A1A6A0404DEA36DCC9499BCB25C9ADC112B7CC9A93CAE41F3262", false)]
    [DataRow("af13", false)]
    [DataRow(null, false)]
    public void IsDigest_OnlyLowercase64Hex(string? value, bool expected)
    {
        Assert.AreEqual(expected, Blake3Digest.IsDigest(value));
    }
}
