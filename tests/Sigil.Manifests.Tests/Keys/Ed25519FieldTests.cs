using System.Numerics;
using Sigil.Manifests.Keys;

namespace Sigil.Manifests.Tests.Keys;

/// <summary>The limb arithmetic behind public-key validation agrees with <see cref="BigInteger"/> mod p.</summary>
[TestClass]
public sealed class Ed25519FieldTests
{
    private static readonly BigInteger P = Ed25519Field.P;

    [TestMethod]
    public void Operations_AgreeWithBigInteger_OnRandomAndEdgeValues()
    {
        var random = new Random(25519);
        var values = new List<BigInteger> { 0, 1, 2, 18, 19, P - 1, P - 2, P - 19, BigInteger.Pow(2, 255) - 1, BigInteger.Pow(2, 254), BigInteger.Pow(2, 51) - 1 };
        var bytes = new byte[32];
        for (var i = 0; i < 300; i++)
        {
            random.NextBytes(bytes);
            bytes[31] &= 0x7f;
            values.Add(new BigInteger(bytes, isUnsigned: true));
        }

        foreach (var a in values)
        {
            var fa = FromLowBits(a);
            Assert.AreEqual(a % P, fa.ToBigInteger(), $"{a}");
            foreach (var b in values.Take(40))
            {
                var fb = FromLowBits(b);
                Assert.AreEqual(a * b % P, (fa * fb).ToBigInteger(), $"{a} * {b}");
                Assert.AreEqual((a + b) % P, (fa + fb).ToBigInteger(), $"{a} + {b}");
                Assert.AreEqual(((a - b) % P + P) % P, (fa - fb).ToBigInteger(), $"{a} - {b}");
            }
            Assert.AreEqual(BigInteger.ModPow(a, (P - 5) / 8, P), fa.Pow2523().ToBigInteger(), $"{a}^((p-5)/8)");
        }
    }

    [TestMethod]
    public void Constants_AreTheCurvesOwn()
    {
        Assert.AreEqual(((-121665 * BigInteger.ModPow(121666, P - 2, P)) % P + P) % P, Ed25519Point.D.ToBigInteger(), "d");
        Assert.AreEqual(P - 1, (Ed25519Point.SqrtMinusOne * Ed25519Point.SqrtMinusOne).ToBigInteger(), "sqrt(-1)^2");
        Assert.AreEqual(BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493"), Ed25519Point.L, "L");
        Assert.AreEqual(BigInteger.Pow(2, 255) - 19, P);
    }

    [TestMethod]
    public void IsAtLeastP_IsExactlyTheRangeFromPTo2Pow255()
    {
        foreach (var value in new[] { P - 2, P - 1, P, P + 1, P + 18, BigInteger.Pow(2, 255) - 1, BigInteger.Zero, BigInteger.Pow(2, 254) })
        {
            var bytes = new byte[32];
            Assert.IsTrue(value.TryWriteBytes(bytes, out _, isUnsigned: true));
            var withSign = (byte[])bytes.Clone();
            withSign[31] |= 0x80;

            Assert.AreEqual(value >= P, Ed25519Field.IsAtLeastP(bytes), value.ToString());
            Assert.AreEqual(value >= P, Ed25519Field.IsAtLeastP(withSign), value + " with the sign bit");
        }
    }

    [TestMethod]
    public void LongChainsOfOperations_StayExact()
    {
        var x = FromLowBits(P - 1);
        var expected = P - 1;
        for (var i = 0; i < 2000; i++)
        {
            x = (x * x + x - Ed25519Field.One) * (x - x - x);
            expected = (expected * expected + expected - 1) * (-expected) % P;
            expected = (expected + P) % P;
        }
        Assert.AreEqual(expected, x.ToBigInteger());
    }

    /// <summary>The 255 low bits as 32 bytes, so that values at or above p (up to 2^255 − 1) are loaded unreduced.</summary>
    private static Ed25519Field FromLowBits(BigInteger value)
    {
        var bytes = new byte[32];
        Assert.IsTrue(value.TryWriteBytes(bytes, out _, isUnsigned: true));
        return Ed25519Field.FromBytes(bytes);
    }
}
