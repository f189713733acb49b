using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>The signature block: not itself signed, so it holds nothing but the algorithm, the signer's key id and the signature.</summary>
/// <param name="Alg">Always <c>ed25519</c>.</param>
/// <param name="KeyId">The signer's key id, <c>ed25519:&lt;32 hex&gt;</c>.</param>
/// <param name="Sig"><c>base64:</c> followed by the standard base64 of the 64-byte Ed25519 signature.</param>
public sealed record ManifestSignature(
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("sig")] string Sig)
{
    /// <summary>The only algorithm of <c>sigil/manifest@0</c>.</summary>
    public const string Ed25519 = "ed25519";

    /// <summary>The prefix of <see cref="Sig"/>.</summary>
    public const string SigPrefix = "base64:";

    /// <summary>The raw signature bytes (validated by parsing).</summary>
    public byte[] SignatureBytes() => Convert.FromBase64String(Sig[SigPrefix.Length..]);
}
