using Sigil.Core.Hashing;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Keys;

[TestClass]
public sealed class KeyIdTests
{
    [TestMethod]
    public void FromPublicKey_RawKey_IsPrefixAndFirst32HexOfBlake3()
    {
        var publicKey = Convert.FromHexString(Rfc8032Vectors.Test1Public);

        var id = KeyId.FromPublicKey(publicKey);

        Assert.AreEqual("ed25519:" + Blake3Digest.Hex(publicKey)[..32], id.Value);
        Assert.HasCount(8 + 32, id.Value);
    }

    [TestMethod]
    public void Parse_ValueOfFromPublicKey_RoundTrips()
    {
        var id = KeyId.FromPublicKey(Convert.FromHexString(Rfc8032Vectors.Test1Public));

        Assert.AreEqual(id, KeyId.Parse(id.Value));
    }

    [TestMethod]
    [DataRow("ed25519:0123456789ABCDEF0123456789abcdef")]
    [DataRow("ed25519:0123456789abcdef")]
    [DataRow("rsa:0123456789abcdef0123456789abcdef")]
    [DataRow("")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.IsFalse(KeyId.TryParse(text, out _));
    }

    [TestMethod]
    [DataRow("release")]
    [DataRow("ci.bot_2026-1")]
    [DataRow("0")]
    public void IsValid_GoodName_ReturnsTrue(string name)
    {
        Assert.IsTrue(KeyName.IsValid(name));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("Release")]
    [DataRow("../escape")]
    [DataRow("a/b")]
    [DataRow(".hidden")]
    [DataRow("a b")]
    public void IsValid_BadName_ReturnsFalse(string name)
    {
        Assert.IsFalse(KeyName.IsValid(name));
    }

    [TestMethod]
    public void IsValid_NameOf65Characters_ReturnsFalse()
    {
        Assert.IsTrue(KeyName.IsValid(new string('a', 64)));
        Assert.IsFalse(KeyName.IsValid(new string('a', 65)));
    }
}
