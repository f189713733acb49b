namespace Sigil.Manifests.Keys;

/// <summary>One entry of a repository's trust store: a public key allowed to sign manifests unless revoked.</summary>
/// <param name="KeyId">The id of <paramref name="PublicKey"/>.</param>
/// <param name="Name">A label for people (who or what holds the private key).</param>
/// <param name="PublicKey">The raw 32-byte Ed25519 public key.</param>
/// <param name="AddedAt">When it was trusted.</param>
/// <param name="RevokedAt">When it was revoked; null while trusted.</param>
/// <param name="RevokedReason">Why it was revoked; null while trusted.</param>
public sealed record TrustedKey(
    KeyId KeyId,
    string Name,
    ReadOnlyMemory<byte> PublicKey,
    DateTimeOffset AddedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedReason)
{
    /// <summary>True once the key has been revoked; a revoked key verifies nothing.</summary>
    public bool IsRevoked => RevokedAt is not null;
}
