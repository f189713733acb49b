namespace Sigil.Manifests.Keys;

/// <summary>What <see cref="SigningKeyStore.List"/> tells about a stored key, without loading its private part.</summary>
/// <param name="Name">The key's name.</param>
/// <param name="KeyId">The id of its public key.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Path">The key file.</param>
public sealed record SigningKeyInfo(string Name, KeyId KeyId, DateTimeOffset CreatedAt, string Path);
