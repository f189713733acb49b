using System.Text.Json;
using System.Text.RegularExpressions;
using Sigil.Manifests.Json;
using Sigil.Manifests.Keys;

namespace Sigil.Manifests.Model.Parsing;

/// <summary>Reads and validates a whole <c>sigil/manifest@0</c> from its parsed JSON, reporting the first problem by path.</summary>
internal static partial class ManifestReader
{
    private const string What = "sigil/manifest@0";

    public static ManifestDocument Read(JsonElement root, ManifestReadMode mode)
    {
        var reader = new JsonObjectReader(root, "", "manifest");
        var schema = reader.String("schema");
        if (schema != ManifestDocument.SchemaName)
        {
            throw new JsonShapeException("schema", $"is '{schema}' but must be '{ManifestDocument.SchemaName}'; this version of Sigil reads only that schema.");
        }
        var manifestId = ReadIdentity(reader, mode);
        var spec = reader.String("spec");
        var specDigest = reader.OptionalString("spec_digest") is { } digest ? DigestUri.Check(digest, DigestUri.SpecPrefix, "spec_digest") : null;
        var createdAt = Rfc3339.Parse(reader.String("created_at"), "created_at");
        var author = reader.String("author");
        var workspace = reader.String("workspace");
        var workspaceId = reader.OptionalString("workspace_id") is { } ws ? DigestUri.Check(ws, DigestUri.WorkspacePrefix, "workspace_id") : null;
        var codebase = ReadCodebase(reader.Object("codebase"));
        var evaluators = ReadEvaluators(reader);
        var policy = PolicyReader.Read(reader.Object("policy"));
        var pins = PinReader.ReadAll(reader.Array("pins"), "pins");
        var sequence = reader.Integer("sequence", minimum: 1);
        var expiresAt = Rfc3339.Parse(reader.String("expires_at"), "expires_at");
        if (expiresAt <= createdAt)
        {
            throw new JsonShapeException("expires_at", $"{Rfc3339.ToText(expiresAt)} is not after created_at {Rfc3339.ToText(createdAt)}.");
        }
        ManifestSignature? signature = null;
        if (mode == ManifestReadMode.Signed)
        {
            signature = ReadSignature(reader.Object("signature"));
        }
        else
        {
            RejectInDraft(reader, "signature");
        }
        reader.EnsureNothingElse(What);
        return new ManifestDocument
        {
            ManifestId = manifestId, Spec = spec, SpecDigest = specDigest, CreatedAt = createdAt, Author = author,
            Workspace = workspace, WorkspaceId = workspaceId, Codebase = codebase, EvaluatorSet = evaluators,
            Policy = policy, Pins = pins, Sequence = sequence, ExpiresAt = expiresAt, Signature = signature,
        };
    }

    private static string? ReadIdentity(JsonObjectReader reader, ManifestReadMode mode)
    {
        if (mode == ManifestReadMode.Signed)
        {
            return DigestUri.Check(reader.String("manifest_id"), DigestUri.ManifestPrefix, "manifest_id");
        }
        RejectInDraft(reader, "manifest_id");
        return null;
    }

    private static void RejectInDraft(JsonObjectReader reader, string name)
    {
        if (reader.Optional(name) is not null)
        {
            throw new JsonShapeException(name, "must be absent in a draft; the signer computes it.");
        }
    }

    private static ManifestCodebase ReadCodebase(JsonObjectReader reader)
    {
        var repo = reader.String("repo");
        var commit = reader.String("commit");
        if (!CommitPattern().IsMatch(commit))
        {
            throw new JsonShapeException(reader.PathOf("commit"), $"'{commit}' is not a full git commit (40 or 64 lowercase hex characters).");
        }
        reader.EnsureNothingElse("codebase {repo, commit}");
        return new ManifestCodebase(repo, commit);
    }

    private static List<EvaluatorRef> ReadEvaluators(JsonObjectReader parent)
    {
        var evaluators = new List<EvaluatorRef>();
        foreach (var item in parent.Array("evaluator_set").EnumerateArray())
        {
            var reader = new JsonObjectReader(item, $"evaluator_set[{evaluators.Count}]");
            evaluators.Add(new EvaluatorRef(reader.String("name"), reader.String("version")));
            reader.EnsureNothingElse("an evaluator {name, version}");
        }
        return evaluators;
    }

    private static ManifestSignature ReadSignature(JsonObjectReader reader)
    {
        var alg = reader.String("alg");
        if (alg != ManifestSignature.Ed25519)
        {
            throw new JsonShapeException(reader.PathOf("alg"), $"is '{alg}' but {What} is signed with '{ManifestSignature.Ed25519}' only.");
        }
        var keyId = reader.String("key_id");
        if (!KeyId.TryParse(keyId, out _))
        {
            throw new JsonShapeException(reader.PathOf("key_id"), $"'{keyId}' is malformed; expected {KeyId.Prefix}<{KeyId.HexLength} lowercase hex characters>.");
        }
        var sig = reader.String("sig");
        CheckSignatureText(sig, reader.PathOf("sig"));
        reader.EnsureNothingElse("signature {alg, key_id, sig}");
        return new ManifestSignature(alg, keyId, sig);
    }

    private static void CheckSignatureText(string sig, string path)
    {
        var bytes = new byte[Ed25519Verifier.SignatureLength + 3];
        if (!sig.StartsWith(ManifestSignature.SigPrefix, StringComparison.Ordinal)
            || !Convert.TryFromBase64String(sig[ManifestSignature.SigPrefix.Length..], bytes, out var written)
            || written != Ed25519Verifier.SignatureLength)
        {
            throw new JsonShapeException(path, $"must be '{ManifestSignature.SigPrefix}' followed by the base64 of a {Ed25519Verifier.SignatureLength}-byte Ed25519 signature.");
        }
    }

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex CommitPattern();
}
