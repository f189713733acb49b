using Sigil.Manifests.Json;

namespace Sigil.Manifests.Keys;

/// <summary>
/// The public keys a repository trusts to sign its manifests: <c>sigil.keys.json</c> at the project root, committed
/// with the code. Revoking keeps the entry (with <c>revoked_at</c>) so old manifests fail loudly rather than look
/// unknown. Every call re-reads the file; writes replace it atomically. Timestamps come from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class TrustStore : ITrustedKeys
{
    /// <summary>The file name at the project root.</summary>
    public const string FileName = "sigil.keys.json";

    private readonly TimeProvider _time;

    /// <summary>The trust store of the project rooted at <paramref name="projectRoot"/>.</summary>
    public TrustStore(string projectRoot, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectRoot);
        FilePath = Path.Combine(Path.GetFullPath(projectRoot), FileName);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Full path of <c>sigil.keys.json</c>.</summary>
    public string FilePath { get; }

    /// <summary>Every entry, revoked ones included, in the order they were added. Empty when the file does not exist.</summary>
    public IReadOnlyList<TrustedKey> List()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }
        try
        {
            return TrustFile.Read(File.ReadAllBytes(FilePath));
        }
        catch (JsonShapeException e)
        {
            throw new TrustStoreException($"{FilePath}: {e.Message} Fix the file (it is in version control: `git diff {FileName}`).");
        }
    }

    /// <inheritdoc />
    public TrustedKey? Find(KeyId keyId) => List().FirstOrDefault(key => key.KeyId == keyId);

    /// <summary>
    /// Trusts a raw 32-byte Ed25519 public key under <paramref name="name"/>. Trusting a key already trusted under
    /// the same name returns its entry unchanged; a revoked key can never be trusted again.
    /// </summary>
    public TrustedKey Trust(ReadOnlySpan<byte> publicKey, string name)
    {
        KeyName.Validate(name);
        var keyId = KeyId.FromPublicKey(publicKey);
        if (Ed25519Verifier.CheckPublicKey(publicKey) is { } problem)
        {
            throw new TrustStoreException(
                $"The bytes given for key {keyId} are not a valid Ed25519 public key: {problem}. Nothing was trusted; ask the key's holder for the 'public key' line 'sigil keys new' printed, or make a new key.");
        }
        var keys = List().ToList();
        if (keys.Find(key => key.KeyId == keyId) is { } existing)
        {
            if (existing.IsRevoked)
            {
                throw new TrustStoreException(
                    $"Key {keyId} ('{existing.Name}') was revoked at {Rfc3339.ToText(existing.RevokedAt!.Value)} ({existing.RevokedReason}); a revoked key cannot be trusted again. Create a new key with `sigil keys new` and trust that one.");
            }
            return existing.Name == name ? existing : throw new TrustStoreException(
                $"Key {keyId} is already trusted under the name '{existing.Name}'; it keeps that name.");
        }
        if (keys.Find(key => key.Name == name && !key.IsRevoked) is { } clash)
        {
            throw new TrustStoreException(
                $"The name '{name}' is already used by trusted key {clash.KeyId}; choose another name, or revoke {clash.KeyId} first.");
        }
        var added = new TrustedKey(keyId, name, publicKey.ToArray(), Rfc3339.Now(_time), null, null);
        keys.Add(added);
        AtomicFile.Write(FilePath, TrustFile.Write(keys));
        return added;
    }

    /// <summary>Revokes a trusted key: it stays listed with <c>revoked_at</c> and <paramref name="reason"/>, and verifies nothing any more.</summary>
    public TrustedKey Revoke(KeyId keyId, string reason)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Say why the key is revoked (e.g. 'laptop lost'); the reason is kept in sigil.keys.json.", nameof(reason));
        }
        var keys = List().ToList();
        var index = keys.FindIndex(key => key.KeyId == keyId);
        if (index < 0)
        {
            throw new TrustStoreException($"Key {keyId} is not in {FilePath}; list the trusted keys with `sigil keys list`.");
        }
        var key = keys[index];
        if (key.IsRevoked)
        {
            throw new TrustStoreException(
                $"Key {keyId} ('{key.Name}') was already revoked at {Rfc3339.ToText(key.RevokedAt!.Value)} ({key.RevokedReason}); nothing to do.");
        }
        var revoked = key with { RevokedAt = Rfc3339.Now(_time), RevokedReason = reason.Trim() };
        keys[index] = revoked;
        AtomicFile.Write(FilePath, TrustFile.Write(keys));
        return revoked;
    }
}
