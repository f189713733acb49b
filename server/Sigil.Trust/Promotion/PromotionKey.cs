using Sigil.Manifests.Keys;
using Sigil.Trust.Errors;

namespace Sigil.Trust.Promotion;

/// <summary>Loads the signing key and makes sure the project trusts it, so nothing is ever signed that verification would refuse.</summary>
internal static class PromotionKey
{
    /// <exception cref="KeyStoreException">The key cannot be loaded (missing, not private, damaged).</exception>
    /// <exception cref="TrustException">The project does not trust the key, or revoked it.</exception>
    public static SigningKey Load(PromoteRequest request, TrustStore trust, TimeProvider time)
    {
        var directory = request.KeysDirectory ?? SigningKeyStore.DefaultDirectory();
        var key = new SigningKeyStore(directory, time).Load(request.KeyName);
        try
        {
            var trusted = trust.Find(key.KeyId);
            if (trusted is null)
            {
                throw new TrustException(TrustErrorCodes.UntrustedKey,
                    $"Key '{key.Name}' ({key.KeyId}) is not trusted by this project ({trust.FilePath}), so a manifest it signs would not verify; trust it with 'sigil keys trust {key.Name}' and commit {TrustStore.FileName}.");
            }
            if (trusted.IsRevoked)
            {
                throw new TrustException(TrustErrorCodes.UntrustedKey,
                    $"Key '{key.Name}' ({key.KeyId}) was revoked in {trust.FilePath} ({trusted.RevokedReason}); a revoked key signs nothing. Create a new key with 'sigil keys new' and trust it with 'sigil keys trust'.");
            }
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
