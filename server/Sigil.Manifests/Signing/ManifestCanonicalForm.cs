using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Manifests.Canonical;
using Sigil.Manifests.Model.Parsing;

namespace Sigil.Manifests.Signing;

/// <summary>
/// The two byte strings a manifest is bound by, shared by the signer and the verifier:
/// <list type="bullet">
/// <item>the id preimage, JCS (RFC 8785) of the document without <c>manifest_id</c> and <c>signature</c>;
/// <c>manifest_id</c> is <c>manifest://b3:</c> + BLAKE3 of it;</item>
/// <item>the signing input, JCS of the document with <c>manifest_id</c> and without <c>signature</c>.</item>
/// </list>
/// Key order, whitespace and number spelling of the file do not matter; any change of any value does.
/// </summary>
public static class ManifestCanonicalForm
{
    /// <summary>The <c>manifest://b3:</c> id the content of <paramref name="manifest"/> hashes to.</summary>
    public static string ComputeId(JsonObject manifest) =>
        DigestUri.ManifestPrefix + Blake3Digest.Hex(IdPreimage(manifest));

    /// <summary>JCS of the document without <c>manifest_id</c> and <c>signature</c>.</summary>
    public static byte[] IdPreimage(JsonObject manifest) => CanonicalWithout(manifest, "manifest_id", "signature");

    /// <summary>The bytes the Ed25519 signature covers: JCS of the document without <c>signature</c>.</summary>
    public static byte[] SigningInput(JsonObject manifest) => CanonicalWithout(manifest, "signature");

    /// <summary>The <c>manifest://b3:</c> id the content of a parsed manifest hashes to.</summary>
    public static string ComputeId(System.Text.Json.JsonElement manifest) =>
        DigestUri.ManifestPrefix + Blake3Digest.Hex(JsonCanonicalizer.Canonicalize(manifest, "manifest_id", "signature"));

    /// <summary>The bytes the signature of a parsed manifest covers.</summary>
    public static byte[] SigningInput(System.Text.Json.JsonElement manifest) => JsonCanonicalizer.Canonicalize(manifest, "signature");

    private static byte[] CanonicalWithout(JsonObject manifest, params string[] excluded)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var copy = new JsonObject();
        foreach (var (name, value) in manifest)
        {
            if (!excluded.Contains(name, StringComparer.Ordinal))
            {
                copy[name] = value?.DeepClone();
            }
        }
        return JsonCanonicalizer.Canonicalize(copy);
    }
}
