extern alias generators;

using System.Text;
using generators::Sigil.Generators.Hashing;

namespace Sigil.Generators.Tests.Hashing;

[TestClass]
public sealed class Blake3ManagedTests
{
    /// <summary>The input lengths of the official BLAKE3 test vectors (test_vectors.json).</summary>
    private static readonly int[] OfficialLengths =
        [0, 1, 1023, 1024, 1025, 2048, 2049, 3072, 3073, 4096, 4097, 5120, 5121, 6144, 6145, 7168, 7169, 8192, 8193, 16384, 31744, 102400];

    /// <summary>The official vectors' input: byte i is i % 251.</summary>
    private static byte[] OfficialInput(int length)
    {
        var input = new byte[length];
        for (var i = 0; i < length; i++)
        {
            input[i] = (byte)(i % 251);
        }
        return input;
    }

    [TestMethod]
    public void HashHex_OfficialVectorLengths_MatchTheBlake3Package()
    {
        foreach (var length in OfficialLengths)
        {
            var input = OfficialInput(length);

            Assert.AreEqual(Blake3.Hasher.Hash(input).ToString(), Blake3Managed.HashHex(input), "input length " + length);
        }
    }

    [TestMethod]
    public void HashHex_EveryLengthAroundBlockAndChunkEdges_MatchesTheBlake3Package()
    {
        for (var length = 0; length <= 3 * 1024 + 130; length += length < 1100 ? 1 : 63)
        {
            var input = OfficialInput(length);

            Assert.AreEqual(Blake3.Hasher.Hash(input).ToString(), Blake3Managed.HashHex(input), "input length " + length);
        }
    }

    [TestMethod]
    [DataRow(0, "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262")]
    [DataRow(1, "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213")]
    [DataRow(1024, "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7")]
    public void HashHex_OfficialVectors_MatchTheirFirst32Bytes(int length, string expected)
    {
        Assert.AreEqual(expected, Blake3Managed.HashHex(OfficialInput(length)));
    }

    [TestMethod]
    public void HashHex_Abc_IsTheWellKnownDigest()
    {
        Assert.AreEqual("6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85", Blake3Managed.HashHex("abc"));
    }

    [TestMethod]
    public void HashHex_String_HashesItsUtf8Bytes()
    {
        const string text = "sigil-abi/v1\nmethod 3\nπ×2";

        Assert.AreEqual(Blake3.Hasher.Hash(Encoding.UTF8.GetBytes(text)).ToString(), Blake3Managed.HashHex(text));
    }
}
