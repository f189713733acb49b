using NSec.Cryptography;

namespace Sigil.Manifests.Keys;

/// <summary>Checks an Ed25519 signature against a raw public key (RFC 8032, via NSec).</summary>
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

    /// <summary>True when <paramref name="rawPublicKey"/> is 32 bytes that import as an Ed25519 public key.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> rawPublicKey) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var publicKey) && publicKey is not null;
}
