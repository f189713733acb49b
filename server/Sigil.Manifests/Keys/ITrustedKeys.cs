namespace Sigil.Manifests.Keys;

/// <summary>Where a verifier looks up the signer of a manifest. <see cref="TrustStore"/> is the repository's file.</summary>
public interface ITrustedKeys
{
    /// <summary>The entry for <paramref name="keyId"/>, revoked or not; null when the key was never trusted.</summary>
    TrustedKey? Find(KeyId keyId);
}
