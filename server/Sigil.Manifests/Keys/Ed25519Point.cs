using System.Numerics;

namespace Sigil.Manifests.Keys;

/// <summary>
/// Ed25519 public-key validation with the verdict of libsodium's <c>crypto_core_ed25519_is_valid_point</c>: decode as
/// RFC 8032 §5.1.3 says, refusing the non-canonical encodings (y ≥ p; x = 0 with the sign bit), then refuse points of
/// order dividing 8 ([8]P = O) and points outside the prime-order subgroup ([L]P ≠ O). Arithmetic in extended
/// coordinates (RFC 8032 §5.1.4) over <see cref="Ed25519Field"/>. Variable time, which is fine for public keys:
/// well under a millisecond per key, most of it the [L]P check.
/// </summary>
internal static class Ed25519Point
{
    /// <summary>The field prime p = 2^255 − 19 (for tests).</summary>
    public static BigInteger P => Ed25519Field.P;

    /// <summary>The order of the prime-order subgroup, L = 2^252 + 27742317777372353535851937790883648493 (for tests).</summary>
    public static BigInteger L => new(LBytes, isUnsigned: true, isBigEndian: false);

    /// <summary>The curve constant d = −121665 / 121666 mod p.</summary>
    public static readonly Ed25519Field D = Ed25519Field.FromHex("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");

    /// <summary>A square root of −1 mod p, 2^((p − 1) / 4).</summary>
    public static readonly Ed25519Field SqrtMinusOne = Ed25519Field.FromHex("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");

    public static readonly Point Identity = new(Ed25519Field.Zero, Ed25519Field.One, Ed25519Field.One, Ed25519Field.Zero);

    private static readonly Ed25519Field D2 = D + D;

    /// <summary>L in little-endian bytes.</summary>
    private static readonly byte[] LBytes = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    /// <summary>Null when <paramref name="encoded"/> is a valid public key, else why not (see <see cref="Ed25519Verifier.CheckPublicKey"/>).</summary>
    public static string? Check(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != KeyId.PublicKeyLength)
        {
            return $"it is {encoded.Length} bytes, not {KeyId.PublicKeyLength}";
        }
        if (!TryDecode(encoded, out var point, out var problem))
        {
            return problem;
        }
        if (IsIdentity(Double(Double(Double(point)))))
        {
            return IsIdentity(point)
                ? "it is the identity point (a key with no secret behind it: anyone can sign for it)"
                : "it is a point of small order (order dividing 8: a key with no secret behind it, anyone can sign for it)";
        }
        if (!IsIdentity(Multiply(point, LBytes)))
        {
            return "it is not in the prime-order subgroup (it has a small-order component, which no honestly made key has)";
        }
        return null;
    }

    /// <summary>RFC 8032 §5.1.3 decoding, refusing y ≥ p and x = 0 with the sign bit set (both non-canonical).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out Point point, out string? problem)
    {
        point = default;
        if (encoded.Length != KeyId.PublicKeyLength)
        {
            problem = $"it is {encoded.Length} bytes, not {KeyId.PublicKeyLength}";
            return false;
        }
        Span<byte> yBytes = stackalloc byte[32];
        encoded.CopyTo(yBytes);
        var sign = yBytes[31] >> 7;
        yBytes[31] &= 0x7f;
        if (Ed25519Field.IsAtLeastP(yBytes))
        {
            problem = "its y coordinate is not below the field prime 2^255 - 19 (a non-canonical encoding)";
            return false;
        }
        var y = Ed25519Field.FromBytes(yBytes);
        var y2 = y.Square();
        var u = y2 - Ed25519Field.One;
        var v = D * y2 + Ed25519Field.One;
        // x = u·v³·(u·v⁷)^((p−5)/8) is a square root of u/v if there is one (or of −u/v, fixed by √−1).
        var v3 = v.Square() * v;
        var x = u * v3 * (u * v3.Square() * v).Pow2523();
        var vx2 = v * x.Square();
        if (!vx2.ValueEquals(u))
        {
            if (!vx2.ValueEquals(-u))
            {
                problem = "it is not a point of the Ed25519 curve (no x satisfies the curve equation for its y)";
                return false;
            }
            x *= SqrtMinusOne;
        }
        if (x.IsZero && sign == 1)
        {
            problem = "it sets the sign bit for x = 0 (a non-canonical encoding)";
            return false;
        }
        if ((x.IsOdd ? 1 : 0) != sign)
        {
            x = -x;
        }
        point = new Point(x, y, Ed25519Field.One, x * y);
        problem = null;
        return true;
    }

    public static bool IsIdentity(Point point) => point.X.IsZero && point.Y.ValueEquals(point.Z);

    /// <summary>[k]P for a scalar k ≥ 0.</summary>
    public static Point Multiply(Point point, BigInteger k) => Multiply(point, k.ToByteArray(isUnsigned: true, isBigEndian: false));

    /// <summary>[k]P for k in little-endian bytes: left-to-right double-and-add.</summary>
    public static Point Multiply(Point point, ReadOnlySpan<byte> k)
    {
        var result = Identity;
        for (var bit = k.Length * 8 - 1; bit >= 0; bit--)
        {
            result = Double(result);
            if (((k[bit >> 3] >> (bit & 7)) & 1) != 0)
            {
                result = Add(result, point);
            }
        }
        return result;
    }

    /// <summary>RFC 8032 §5.1.4 addition (complete on Ed25519: it also doubles, and adds the identity).</summary>
    public static Point Add(Point p, Point q)
    {
        var a = (p.Y - p.X) * (q.Y - q.X);
        var b = (p.Y + p.X) * (q.Y + q.X);
        var c = p.T * D2 * q.T;
        var zz = p.Z * q.Z;
        var d = zz + zz;
        Ed25519Field e = b - a, f = d - c, g = d + c, h = b + a;
        return new Point(e * f, g * h, f * g, e * h);
    }

    /// <summary>RFC 8032 §5.1.4 doubling.</summary>
    public static Point Double(Point p)
    {
        var a = p.X.Square();
        var b = p.Y.Square();
        var zz = p.Z.Square();
        var c = zz + zz;
        var h = a + b;
        var e = h - (p.X + p.Y).Square();
        var g = a - b;
        var f = c + g;
        return new Point(e * f, g * h, f * g, e * h);
    }

    /// <summary>A point in extended coordinates: x = X/Z, y = Y/Z, x·y = T/Z.</summary>
    public readonly record struct Point(Ed25519Field X, Ed25519Field Y, Ed25519Field Z, Ed25519Field T);
}
