using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sigil.Manifests.Keys;

/// <summary>
/// An element of GF(2^255 − 19) for <see cref="Ed25519Point"/>: five 51-bit limbs (value = Σ limb[i]·2^(51·i)), the
/// usual 64-bit representation (as in curve25519-donna), so a multiplication is 25 64×64→128-bit products. Every
/// operation returns limbs below 2^52, which keeps the sums of products inside 128 bits and the carries inside 64;
/// <see cref="Reduce"/> gives the canonical value in [0, p). No <see cref="BigInteger"/> on this path: it is loaded at
/// application start (the resolver reads the trusted keys), where BigInteger's first use costs tens of milliseconds.
/// Not constant time: it only handles public keys.
/// </summary>
internal readonly struct Ed25519Field
{
    public static readonly Ed25519Field Zero = default;
    public static readonly Ed25519Field One = new(1, 0, 0, 0, 0);

    private const int Bits = 51;
    private const ulong Mask = (1UL << Bits) - 1;

    // 2p in limbs, added before subtracting so that no limb goes negative.
    private const ulong TwoP0 = 2 * (Mask - 18);
    private const ulong TwoP = 2 * Mask;

    private readonly ulong _l0, _l1, _l2, _l3, _l4;

    private Ed25519Field(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
        _l4 = l4;
    }

    /// <summary>The field prime p = 2^255 − 19 (for tests and checks; nothing on the validation path uses it).</summary>
    public static BigInteger P => BigInteger.Pow(2, 255) - 19;

    /// <summary>The 255 low bits of 32 little-endian bytes (the top bit, an encoding's sign, is ignored; not reduced mod p).</summary>
    public static Ed25519Field FromBytes(ReadOnlySpan<byte> bytes)
    {
        var w0 = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var w1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        var w2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]);
        var w3 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]);
        return new Ed25519Field(
            w0 & Mask,
            ((w0 >> 51) | (w1 << 13)) & Mask,
            ((w1 >> 38) | (w2 << 26)) & Mask,
            ((w2 >> 25) | (w3 << 39)) & Mask,
            (w3 >> 12) & Mask);
    }

    /// <summary>The element of a constant written as 64 hex digits of its little-endian bytes.</summary>
    public static Ed25519Field FromHex(string littleEndianHex) => FromBytes(Convert.FromHexString(littleEndianHex));

    /// <summary>True when the 255 low bits of <paramref name="bytes"/> are p or more: a non-canonical field element.</summary>
    public static bool IsAtLeastP(ReadOnlySpan<byte> bytes)
    {
        // p = 2^255 − 19 is ed ff … ff 7f in little-endian bytes; only y in [p, 2^255) matches every byte.
        if ((bytes[31] & 0x7f) != 0x7f || bytes[0] < 0xed)
        {
            return false;
        }
        foreach (var b in bytes[1..31])
        {
            if (b != 0xff)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The canonical value, in [0, p), as a <see cref="BigInteger"/> (for tests).</summary>
    public BigInteger ToBigInteger()
    {
        var r = Reduce();
        return r._l0 + ((BigInteger)r._l1 << 51) + ((BigInteger)r._l2 << 102) + ((BigInteger)r._l3 << 153) + ((BigInteger)r._l4 << 204);
    }

    public bool IsZero
    {
        get
        {
            var r = Reduce();
            return (r._l0 | r._l1 | r._l2 | r._l3 | r._l4) == 0;
        }
    }

    /// <summary>True when the canonical value is odd (RFC 8032's "negative" x, the sign bit of an encoding).</summary>
    public bool IsOdd => (Reduce()._l0 & 1) != 0;

    public bool ValueEquals(Ed25519Field other) => (this - other).IsZero;

    public static Ed25519Field operator +(Ed25519Field a, Ed25519Field b) =>
        Carry(a._l0 + b._l0, a._l1 + b._l1, a._l2 + b._l2, a._l3 + b._l3, a._l4 + b._l4);

    public static Ed25519Field operator -(Ed25519Field a, Ed25519Field b) =>
        Carry(a._l0 + TwoP0 - b._l0, a._l1 + TwoP - b._l1, a._l2 + TwoP - b._l2, a._l3 + TwoP - b._l3, a._l4 + TwoP - b._l4);

    public static Ed25519Field operator -(Ed25519Field a) => Zero - a;

    /// <summary>Schoolbook product; a limb product of weight 2^255 or more wraps around times 19 (2^255 ≡ 19).</summary>
    public static Ed25519Field operator *(Ed25519Field a, Ed25519Field b)
    {
        ulong b1 = 19 * b._l1, b2 = 19 * b._l2, b3 = 19 * b._l3, b4 = 19 * b._l4;
        var r0 = Mul(a._l0, b._l0) + Mul(a._l1, b4) + Mul(a._l2, b3) + Mul(a._l3, b2) + Mul(a._l4, b1);
        var r1 = Mul(a._l0, b._l1) + Mul(a._l1, b._l0) + Mul(a._l2, b4) + Mul(a._l3, b3) + Mul(a._l4, b2);
        var r2 = Mul(a._l0, b._l2) + Mul(a._l1, b._l1) + Mul(a._l2, b._l0) + Mul(a._l3, b4) + Mul(a._l4, b3);
        var r3 = Mul(a._l0, b._l3) + Mul(a._l1, b._l2) + Mul(a._l2, b._l1) + Mul(a._l3, b._l0) + Mul(a._l4, b4);
        var r4 = Mul(a._l0, b._l4) + Mul(a._l1, b._l3) + Mul(a._l2, b._l2) + Mul(a._l3, b._l1) + Mul(a._l4, b._l0);
        r1 += r0 >> Bits;
        r2 += r1 >> Bits;
        r3 += r2 >> Bits;
        r4 += r3 >> Bits;
        var l0 = ((ulong)r0 & Mask) + 19 * (ulong)(r4 >> Bits);
        return new Ed25519Field(l0 & Mask, ((ulong)r1 & Mask) + (l0 >> Bits), (ulong)r2 & Mask, (ulong)r3 & Mask, (ulong)r4 & Mask);
    }

    public Ed25519Field Square() => this * this;

    /// <summary>z^(2^252 − 3) = z^((p − 5) / 8), the exponent of RFC 8032's square root.</summary>
    public Ed25519Field Pow2523()
    {
        var result = this; // z^(2^1 − 1)
        for (var i = 1; i < 250; i++)
        {
            result = result.Square() * this; // z^(2^k − 1) → z^(2^(k+1) − 1)
        }
        return result.Square().Square() * this; // z^(4·(2^250 − 1) + 1)
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 Mul(ulong x, ulong y)
    {
        var high = Math.BigMul(x, y, out var low);
        return new UInt128(high, low);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Ed25519Field Carry(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        l1 += l0 >> Bits;
        l2 += l1 >> Bits;
        l3 += l2 >> Bits;
        l4 += l3 >> Bits;
        l0 = (l0 & Mask) + 19 * (l4 >> Bits);
        return new Ed25519Field(l0 & Mask, (l1 & Mask) + (l0 >> Bits), l2 & Mask, l3 & Mask, l4 & Mask);
    }

    /// <summary>The same value with canonical limbs: each below 2^51 and the whole below p.</summary>
    private Ed25519Field Reduce()
    {
        ulong l0 = _l0, l1 = _l1, l2 = _l2, l3 = _l3, l4 = _l4;
        for (var pass = 0; pass < 2; pass++)
        {
            // Two full carry passes leave every limb below 2^51, so the value is below 2^255.
            l1 += l0 >> Bits;
            l0 &= Mask;
            l2 += l1 >> Bits;
            l1 &= Mask;
            l3 += l2 >> Bits;
            l2 &= Mask;
            l4 += l3 >> Bits;
            l3 &= Mask;
            l0 += 19 * (l4 >> Bits);
            l4 &= Mask;
        }
        // value ≥ p exactly when value + 19 carries out of 2^255; then subtract p, i.e. add 19 and drop 2^255.
        var q = (l0 + 19) >> Bits;
        q = (l1 + q) >> Bits;
        q = (l2 + q) >> Bits;
        q = (l3 + q) >> Bits;
        q = (l4 + q) >> Bits;
        l0 += 19 * q;
        l1 += l0 >> Bits;
        l0 &= Mask;
        l2 += l1 >> Bits;
        l1 &= Mask;
        l3 += l2 >> Bits;
        l2 &= Mask;
        l4 += l3 >> Bits;
        l3 &= Mask;
        l4 &= Mask;
        return new Ed25519Field(l0, l1, l2, l3, l4);
    }
}
