using System.Text.Json;
using System.Text.Json.Nodes;
using Sigil.Manifests.Json;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Model.Parsing;
using Sigil.Manifests.Model.Serialization;

namespace Sigil.Manifests.Signing;

/// <summary>
/// Signs a manifest draft: validates it as a <c>sigil/manifest@0</c>, computes <c>manifest_id</c> from its canonical
/// content, signs the canonical document including the id with Ed25519 and adds the signature block. See
/// <see cref="ManifestCanonicalForm"/> for the exact bytes.
/// </summary>
public static class ManifestSigner
{
    /// <summary>
    /// Signs <paramref name="draft"/> with <paramref name="key"/>. The draft's <c>ManifestId</c> and <c>Signature</c> are
    /// ignored (they are computed); timestamps are written at whole seconds. Throws <see cref="ManifestFormatException"/>
    /// when the draft is not a valid manifest.
    /// </summary>
    public static SignedManifest Sign(ManifestDocument draft, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(key);
        var body = ToValidatedNode(draft with { ManifestId = null, Signature = null });
        var document = new JsonObject
        {
            ["schema"] = body["schema"]!.DeepClone(),
            ["manifest_id"] = ManifestCanonicalForm.ComputeId(body),
        };
        foreach (var (name, value) in body)
        {
            if (name != "schema")
            {
                document[name] = value?.DeepClone();
            }
        }
        var signature = key.Sign(ManifestCanonicalForm.SigningInput(document));
        document["signature"] = new JsonObject
        {
            ["alg"] = ManifestSignature.Ed25519,
            ["key_id"] = key.KeyId.Value,
            ["sig"] = ManifestSignature.SigPrefix + Convert.ToBase64String(signature),
        };
        var json = document.ToJsonString(ManifestJson.Indented) + "\n";
        return new SignedManifest(ManifestDocument.Parse(json), json);
    }

    private static JsonObject ToValidatedNode(ManifestDocument draft)
    {
        JsonObject body;
        try
        {
            body = ManifestJson.ToNode(draft);
        }
        catch (ArgumentException e)
        {
            throw new ManifestFormatException("manifest", $"holds a value JSON cannot represent, such as NaN or an infinity ({e.Message}).");
        }
        try
        {
            using var parsed = JsonDocument.Parse(body.ToJsonString());
            ManifestReader.Read(parsed.RootElement, ManifestReadMode.Unsigned);
            return body;
        }
        catch (JsonShapeException e)
        {
            throw new ManifestFormatException(e.Path, e.Problem);
        }
    }
}
