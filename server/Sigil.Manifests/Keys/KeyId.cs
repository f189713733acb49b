using Sigil.Core.Hashing;

namespace Sigil.Manifests.Keys;

/// <summary>
/// <c>ed25519:&lt;32 hex&gt;</c>: names a public key by content, the first 32 lowercase hex characters (128 bits) of
/// BLAKE3 over the key's 32 raw bytes. Manifests name their signer by it; the trust store looks keys up by it.
/// </summary>
public sealed record KeyId
{
    /// <summary>The algorithm prefix.</summary>
    public const string Prefix = "ed25519:";

    /// <summary>Number of hex characters after the prefix.</summary>
    public const int HexLength = 32;

    /// <summary>Length of a raw Ed25519 public key in bytes.</summary>
    public const int PublicKeyLength = 32;

    private KeyId(string value) => Value = value;

    /// <summary>The full text, e.g. <c>ed25519:0123456789abcdef0123456789abcdef</c>.</summary>
    public string Value { get; }

    /// <summary>The id of a raw 32-byte Ed25519 public key.</summary>
    public static KeyId FromPublicKey(ReadOnlySpan<byte> rawPublicKey)
    {
        if (rawPublicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException(
                $"An Ed25519 public key is {PublicKeyLength} raw bytes, not {rawPublicKey.Length}.", nameof(rawPublicKey));
        }
        return new KeyId(Prefix + Blake3Digest.Hex(rawPublicKey)[..HexLength]);
    }

    /// <summary>Parses <c>ed25519:&lt;32 lowercase hex&gt;</c>; throws <see cref="FormatException"/> when malformed.</summary>
    public static KeyId Parse(string text) =>
        TryParse(text, out var id) ? id! : throw new FormatException(
            $"Key id '{text}' is malformed; expected {Prefix} followed by {HexLength} lowercase hex characters.");

    /// <summary>Parses a key id; false when malformed.</summary>
    public static bool TryParse(string? text, out KeyId? id)
    {
        id = null;
        if (text is null || text.Length != Prefix.Length + HexLength || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || !text[Prefix.Length..].All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            return false;
        }
        id = new KeyId(text);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
