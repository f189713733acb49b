using NSec.Cryptography;

namespace Sigil.Manifests.Keys;

/// <summary>
/// A named Ed25519 private key in memory (NSec over libsodium). Signs manifests; dispose it when done so the key
/// material is freed. Obtain one from <see cref="SigningKeyStore"/>, or from raw bytes with <see cref="FromPrivateKey"/>.
/// </summary>
public sealed class SigningKey : IDisposable
{
    /// <summary>Length of a raw Ed25519 private key (the RFC 8032 seed) in bytes.</summary>
    public const int PrivateKeyLength = 32;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private SigningKey(string name, Key key, DateTimeOffset createdAt)
    {
        Name = KeyName.Validate(name);
        _key = key;
        CreatedAt = createdAt;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = KeyId.FromPublicKey(PublicKey.Span);
    }

    /// <summary>The key's name (its file name in the key store).</summary>
    public string Name { get; }

    /// <summary>The id of the public key.</summary>
    public KeyId KeyId { get; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The raw 32-byte public key, what a trust store holds.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>A fresh random key.</summary>
    public static SigningKey Generate(string name, DateTimeOffset createdAt) =>
        new(name, Key.Create(Algorithm, ExportableParameters()), createdAt);

    /// <summary>Imports a raw 32-byte private key (the RFC 8032 secret key / seed).</summary>
    public static SigningKey FromPrivateKey(string name, ReadOnlySpan<byte> rawPrivateKey, DateTimeOffset createdAt)
    {
        if (rawPrivateKey.Length != PrivateKeyLength)
        {
            throw new ArgumentException(
                $"An Ed25519 private key is {PrivateKeyLength} raw bytes, not {rawPrivateKey.Length}.", nameof(rawPrivateKey));
        }
        var parameters = ExportableParameters();
        return new SigningKey(name, Key.Import(Algorithm, rawPrivateKey, KeyBlobFormat.RawPrivateKey, in parameters), createdAt);
    }

    /// <summary>The 64-byte Ed25519 signature of <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Algorithm.Sign(_key, data);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>The raw private key, only for writing the key file.</summary>
    internal byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    private static KeyCreationParameters ExportableParameters() =>
        new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
