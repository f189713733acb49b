using System.Diagnostics;
using System.Numerics;
using System.Text;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Keys;

/// <summary>
/// <see cref="Ed25519Verifier.IsValidPublicKey"/> accepts exactly what libsodium's <c>crypto_core_ed25519_is_valid_point</c>
/// accepts: canonical encodings of curve points in the prime-order subgroup, other than the identity.
/// </summary>
[TestClass]
public sealed class PublicKeyValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Vectors => Rfc8032Vectors.All;

    /// <summary>
    /// The eight points of order dividing 8, canonically encoded (libsodium's blocklist, first part): the identity (y = 1),
    /// the point of order 2 (y = p − 1), the two of order 4 (y = 0, both signs) and the four of order 8.
    /// </summary>
    public static IEnumerable<object[]> SmallOrderPoints =>
    [
        ["identity (order 1)", "0100000000000000000000000000000000000000000000000000000000000000"],
        ["order 2", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"],
        ["order 4, y = 0 (all zero)", "0000000000000000000000000000000000000000000000000000000000000000"],
        ["order 4, y = 0, sign set", "0000000000000000000000000000000000000000000000000000000000000080"],
        ["order 8", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"],
        ["order 8, sign set", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"],
        ["order 8, y negated", "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"],
        ["order 8, y negated, sign set", "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"],
    ];

    /// <summary>Non-canonical encodings of small-order points (libsodium's blocklist, second part).</summary>
    public static IEnumerable<object[]> NonCanonicalSmallOrderEncodings =>
    [
        ["identity with the sign bit (x = 0)", "0100000000000000000000000000000000000000000000000000000000000080"],
        ["order 2 with the sign bit (x = 0)", "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"],
        ["y = p (= 0)", "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"],
        ["y = p (= 0), sign set", "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"],
        ["y = p + 1 (= 1)", "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"],
        ["y = p + 1 (= 1), sign set", "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"],
    ];

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void Rfc8032PublicKey_IsValid(string name, string secret, string publicKey, string message, string signature)
    {
        _ = (secret, message, signature);

        Assert.IsNull(Ed25519Verifier.CheckPublicKey(Convert.FromHexString(publicKey)), name);
        Assert.IsTrue(Ed25519Verifier.IsValidPublicKey(Convert.FromHexString(publicKey)), name);
    }

    [TestMethod]
    public void KeysMadeBySigningKey_AreAllValid()
    {
        for (var i = 0; i < 200; i++)
        {
            using var key = SigningKey.Generate("k", Now);

            Assert.IsNull(Ed25519Verifier.CheckPublicKey(key.PublicKey.Span), Convert.ToHexStringLower(key.PublicKey.Span));
        }
    }

    [TestMethod]
    [DynamicData(nameof(SmallOrderPoints))]
    public void SmallOrderPoint_IsRejected(string name, string hex)
    {
        var encoded = Convert.FromHexString(hex);
        Assert.IsTrue(Ed25519Point.TryDecode(encoded, out var point, out _), $"{name} must be a canonical curve point");
        Assert.IsTrue(Ed25519Point.IsIdentity(Ed25519Point.Multiply(point, 8)), $"{name} must have order dividing 8");

        var problem = Ed25519Verifier.CheckPublicKey(encoded);

        Assert.IsNotNull(problem, name);
        Assert.IsTrue(problem.Contains("small order", StringComparison.Ordinal) || problem.Contains("identity", StringComparison.Ordinal), problem);
        Assert.IsFalse(Ed25519Verifier.IsValidPublicKey(encoded), name);
    }

    [TestMethod]
    public void SmallOrderList_IsEveryPointOfOrderDividing8()
    {
        // The 8-torsion is cyclic of order 8: the multiples of one order-8 point are exactly the listed encodings.
        Assert.IsTrue(Ed25519Point.TryDecode(Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), out var generator, out _));
        var multiples = Enumerable.Range(0, 8).Select(k => Convert.ToHexStringLower(Encode(Ed25519Point.Multiply(generator, k)))).ToHashSet();

        CollectionAssert.AreEquivalent(SmallOrderPoints.Select(row => (string)row[1]).ToList(), multiples.ToList());
    }

    [TestMethod]
    [DynamicData(nameof(NonCanonicalSmallOrderEncodings))]
    public void NonCanonicalSmallOrderEncoding_IsRejected(string name, string hex)
    {
        var problem = Ed25519Verifier.CheckPublicKey(Convert.FromHexString(hex));

        Assert.IsNotNull(problem, name);
        Assert.Contains("non-canonical", problem, name);
    }

    [TestMethod]
    public void EveryYAtLeastP_IsRejectedAsNonCanonical()
    {
        for (var y = Ed25519Point.P; y < BigInteger.Pow(2, 255); y++)
        {
            foreach (var sign in new[] { 0, 1 })
            {
                var encoded = Bytes(y, sign);

                var problem = Ed25519Verifier.CheckPublicKey(encoded);

                Assert.IsNotNull(problem, y.ToString());
                Assert.Contains("not below the field prime", problem, y.ToString());
            }
        }
    }

    [TestMethod]
    public void OffCurveY_IsRejected()
    {
        var y = new BigInteger(2);
        while (Ed25519Point.TryDecode(Bytes(y, 0), out _, out _))
        {
            y++;
        }
        Assert.IsLessThan(new BigInteger(100), y, "about half of all y are off the curve");

        foreach (var sign in new[] { 0, 1 })
        {
            var problem = Ed25519Verifier.CheckPublicKey(Bytes(y, sign));

            Assert.IsNotNull(problem);
            Assert.Contains("not a point of the Ed25519 curve", problem);
        }
    }

    [TestMethod]
    public void RandomBytes_AreMostlyRejected_AndOnlyPrimeOrderPointsAccepted()
    {
        var random = new Random(8032);
        var bytes = new byte[32];
        var accepted = 0;
        for (var i = 0; i < 400; i++)
        {
            random.NextBytes(bytes);
            if (Ed25519Verifier.IsValidPublicKey(bytes))
            {
                accepted++;
                Assert.IsTrue(Ed25519Point.TryDecode(bytes, out var point, out _));
                Assert.IsTrue(Ed25519Point.IsIdentity(Ed25519Point.Multiply(point, Ed25519Point.L)));
            }
        }
        // Half of all y are on the curve and 1/8 of those points are in the prime-order subgroup: about 1/16 of 400.
        Assert.IsTrue(accepted is > 5 and < 60, $"{accepted} of 400 random encodings accepted");
    }

    [TestMethod]
    public void KeyWithASmallOrderComponent_IsRejected()
    {
        using var key = SigningKey.FromPrivateKey("k", Convert.FromHexString(Rfc8032Vectors.Test1Secret), Now);
        Assert.IsTrue(Ed25519Point.TryDecode(key.PublicKey.Span, out var a, out _));
        Assert.IsTrue(Ed25519Point.TryDecode(Convert.FromHexString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), out var torsion, out _));
        var mixed = Encode(Ed25519Point.Add(a, torsion));

        var problem = Ed25519Verifier.CheckPublicKey(mixed);

        Assert.IsTrue(Ed25519Point.TryDecode(mixed, out _, out _), "on the curve and canonical");
        Assert.IsNotNull(problem);
        Assert.Contains("prime-order subgroup", problem);
    }

    [TestMethod]
    public void WrongLength_IsRejected()
    {
        Assert.IsFalse(Ed25519Verifier.IsValidPublicKey(Convert.FromHexString(Rfc8032Vectors.Test1Public)[..31]));
        Assert.IsFalse(Ed25519Verifier.IsValidPublicKey([]));
    }

    [TestMethod]
    public void Check_IsFastEnoughForLoadingTrustStores()
    {
        var keys = Enumerable.Range(0, 50).Select(_ =>
        {
            using var key = SigningKey.Generate("k", Now);
            return key.PublicKey.ToArray();
        }).ToList();
        Ed25519Verifier.IsValidPublicKey(keys[0]); // warm up

        var clock = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            Assert.IsTrue(Ed25519Verifier.IsValidPublicKey(key));
        }

        // Measured at well under 1 ms per key; the bound only catches an accidental slowdown by orders of magnitude.
        Assert.IsLessThan(20.0, clock.Elapsed.TotalMilliseconds / keys.Count, $"{clock.Elapsed.TotalMilliseconds / keys.Count:F2} ms per key");
    }

    [TestMethod]
    [DataRow("0100000000000000000000000000000000000000000000000000000000000000", "identity")]
    [DataRow("0000000000000000000000000000000000000000000000000000000000000000", "small order")]
    [DataRow("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", "small order")]
    public void TrustStore_Trust_InvalidKey_IsRefusedSayingWhy_AndWritesNothing(string hex, string why)
    {
        using var temp = new TempDirectory();
        var store = new TrustStore(temp.Path, new ManualClock(Now));

        var error = Assert.Throws<TrustStoreException>(() => store.Trust(Convert.FromHexString(hex), "release"));

        Assert.Contains("not a valid Ed25519 public key", error.Message);
        Assert.Contains(why, error.Message);
        Assert.IsFalse(File.Exists(store.FilePath));
    }

    [TestMethod]
    public void TrustStore_List_HandEditedSmallOrderKey_IsRefusedNamingTheField()
    {
        using var temp = new TempDirectory();
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        File.WriteAllText(store.FilePath, KeysFile(Convert.FromHexString("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), revoked: false));

        var error = Assert.Throws<TrustStoreException>(() => store.List());

        Assert.Contains(store.FilePath, error.Message);
        Assert.Contains("keys[0].public_key: is not a valid Ed25519 public key: it is a point of small order", error.Message);
    }

    [TestMethod]
    public void TrustStore_List_RevokedEntryWithAnInvalidKey_StillLoads_AndStaysRevoked()
    {
        using var temp = new TempDirectory();
        var store = new TrustStore(temp.Path, new ManualClock(Now));
        var identity = Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000");
        File.WriteAllText(store.FilePath, KeysFile(identity, revoked: true));

        var entry = Assert.ContainsSingle(store.List());

        Assert.IsTrue(entry.IsRevoked);
        Assert.Throws<TrustStoreException>(() => store.Trust(identity, "again"));
    }

    private static string KeysFile(byte[] publicKey, bool revoked)
    {
        var builder = new StringBuilder();
        builder.Append("{\"schema\": \"sigil/keys@0\", \"keys\": [{");
        builder.Append($"\"key_id\": \"{KeyId.FromPublicKey(publicKey)}\", \"name\": \"release\", ");
        builder.Append($"\"public_key\": \"{Convert.ToBase64String(publicKey)}\", \"added_at\": \"2026-12-05T14:00:00Z\", ");
        builder.Append(revoked ? "\"revoked_at\": \"2026-12-06T14:00:00Z\", \"revoked_reason\": \"not a key\"" : "\"revoked_at\": null, \"revoked_reason\": null");
        builder.Append("}]}\n");
        return builder.ToString();
    }

    private static byte[] Bytes(BigInteger y, int sign)
    {
        var bytes = new byte[32];
        Assert.IsTrue(y.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false));
        bytes[31] |= (byte)(sign << 7);
        return bytes;
    }

    private static byte[] Encode(Ed25519Point.Point point)
    {
        var p = Ed25519Point.P;
        var inverse = BigInteger.ModPow(point.Z.ToBigInteger(), p - 2, p);
        var x = point.X.ToBigInteger() * inverse % p;
        var y = point.Y.ToBigInteger() * inverse % p;
        return Bytes(y, (int)(x & 1));
    }
}
