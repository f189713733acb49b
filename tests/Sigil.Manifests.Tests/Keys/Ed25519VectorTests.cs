using System.Security.Cryptography;
using System.Text;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Keys;

/// <summary>RFC 8032 §7.1 through <see cref="SigningKey"/>, the same code path <c>ManifestSigner</c> signs with.</summary>
[TestClass]
public sealed class Ed25519VectorTests
{
    public static IEnumerable<object[]> Vectors => Rfc8032Vectors.All;

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void FromPrivateKey_Rfc8032Vector_DerivesPublicKeyAndSignsExactly(string name, string secret, string publicKey, string message, string signature)
    {
        using var key = SigningKey.FromPrivateKey("vector", Convert.FromHexString(secret), DateTimeOffset.UnixEpoch);

        Assert.AreEqual(publicKey, Convert.ToHexStringLower(key.PublicKey.Span), name);
        Assert.AreEqual(signature, Convert.ToHexStringLower(key.Sign(Convert.FromHexString(message))), name);
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void Verify_Rfc8032Vector_AcceptsItAndRejectsAFlippedBit(string name, string secret, string publicKey, string message, string signature)
    {
        _ = secret;
        var key = Convert.FromHexString(publicKey);
        var data = Convert.FromHexString(message);
        var sig = Convert.FromHexString(signature);

        Assert.IsTrue(Ed25519Verifier.Verify(key, data, sig), name);
        sig[17] ^= 0x01;
        Assert.IsFalse(Ed25519Verifier.Verify(key, data, sig), name);
    }

    [TestMethod]
    public void Rfc8032Vectors_Test1024Message_Is1023Bytes()
    {
        Assert.HasCount(1023, Convert.FromHexString(Rfc8032Vectors.Test1024Message));
    }

    [TestMethod]
    public void Rfc8032Vectors_ShaAbcMessage_IsSha512OfAbc()
    {
        Assert.AreEqual(Rfc8032Vectors.ShaAbcMessage, Convert.ToHexStringLower(SHA512.HashData(Encoding.ASCII.GetBytes("abc"))));
    }

    [TestMethod]
    public void Verify_SignatureOfOtherMessage_IsRejected()
    {
        using var key = SigningKey.FromPrivateKey("vector", Convert.FromHexString(Rfc8032Vectors.Test1Secret), DateTimeOffset.UnixEpoch);
        var signature = key.Sign("one"u8);

        Assert.IsFalse(Ed25519Verifier.Verify(key.PublicKey.Span, "two"u8, signature));
    }

    [TestMethod]
    public void FromPrivateKey_WrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SigningKey.FromPrivateKey("short", new byte[31], DateTimeOffset.UnixEpoch));

        Assert.Contains("32", error.Message);
    }
}
