using System.Collections.Concurrent;
using NSec.Cryptography;

namespace Sigil.Manifests.Keys;

/// <summary>Checks an Ed25519 signature against a raw public key (RFC 8032, via NSec), and whether a public key may be trusted.</summary>
public static class Ed25519Verifier
{
    /// <summary>Length of an Ed25519 signature in bytes.</summary>
    public const int SignatureLength = 64;

    /// <summary>True only when <paramref name="signature"/> is a valid signature of <paramref name="data"/> by the key.</summary>
    public static bool Verify(ReadOnlySpan<byte> rawPublicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        if (signature.Length != SignatureLength
            || !PublicKey.TryImport(algorithm, rawPublicKey, KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            return false;
        }
        return algorithm.Verify(publicKey, data, signature);
    }

    /// <summary>
    /// True when <paramref name="rawPublicKey"/> is a key worth trusting: see <see cref="CheckPublicKey"/>, which also
    /// says what is wrong. Same verdict as libsodium's <c>crypto_core_ed25519_is_valid_point</c>.
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> rawPublicKey) => CheckPublicKey(rawPublicKey) is null;

    /// <summary>
    /// Null when <paramref name="rawPublicKey"/> is 32 bytes that canonically encode (y &lt; p; x = 0 never with the sign
    /// bit) a point of the Ed25519 curve in its prime-order subgroup, other than the identity — what every honest key is
    /// (A = [s]B). Otherwise why not, in words for a message: not on the curve, not canonical, of small order (one of
    /// the eight points of order dividing 8: a "key" anyone can forge signatures for, which can verify under several
    /// such keys), or with a small-order component (not in the prime-order subgroup). NSec imports any 32 bytes, so
    /// this is the check that matters before a key is trusted.
    /// </summary>
    public static string? CheckPublicKey(ReadOnlySpan<byte> rawPublicKey)
    {
        if (rawPublicKey.Length != KeyId.PublicKeyLength)
        {
            return Ed25519Point.Check(rawPublicKey);
        }
        // The trust store is re-read (and so re-checked) on every lookup; remember the keys already found valid.
        var text = Convert.ToBase64String(rawPublicKey);
        if (KnownValid.ContainsKey(text))
        {
            return null;
        }
        var problem = Ed25519Point.Check(rawPublicKey);
        if (problem is null && KnownValid.Count < MaxRemembered)
        {
            KnownValid.TryAdd(text, 0);
        }
        return problem;
    }

    private const int MaxRemembered = 1024;
    private static readonly ConcurrentDictionary<string, byte> KnownValid = new(StringComparer.Ordinal);
}
