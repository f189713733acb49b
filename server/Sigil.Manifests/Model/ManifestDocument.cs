using System.Text;
using System.Text.Json.Serialization;
using Sigil.Manifests.Json;
using Sigil.Manifests.Model.Parsing;
using Sigil.Manifests.Model.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>
/// A <c>sigil/manifest@0</c>: a signed, immutable binding of functions to approved candidates under a policy, with
/// evidence. Beyond the spec's fields it carries, as TUF does, a <see cref="Sequence"/> (monotonically increasing per
/// spec) and an <see cref="ExpiresAt"/>. A draft to sign has no <see cref="ManifestId"/> and no <see cref="Signature"/>.
/// </summary>
public sealed record ManifestDocument
{
    /// <summary>The schema name this model reads and writes.</summary>
    public const string SchemaName = "sigil/manifest@0";

    /// <summary>Always <see cref="SchemaName"/>.</summary>
    [JsonPropertyName("schema")] public string Schema { get; init; } = SchemaName;

    /// <summary><c>manifest://b3:&lt;64 hex&gt;</c>, BLAKE3 of the canonical document without id and signature.</summary>
    [JsonPropertyName("manifest_id")] public string? ManifestId { get; init; }

    /// <summary>The spec's name.</summary>
    [JsonPropertyName("spec")] public required string Spec { get; init; }

    /// <summary>Optional <c>spec://b3:&lt;64 hex&gt;</c> digest of the spec.</summary>
    [JsonPropertyName("spec_digest")] public string? SpecDigest { get; init; }

    /// <summary>When the manifest was made (RFC 3339 UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who made it.</summary>
    [JsonPropertyName("author")] public required string Author { get; init; }

    /// <summary>The workspace's name.</summary>
    [JsonPropertyName("workspace")] public required string Workspace { get; init; }

    /// <summary>Optional <c>ws://b3:&lt;64 hex&gt;</c> id of the workspace.</summary>
    [JsonPropertyName("workspace_id")] public string? WorkspaceId { get; init; }

    /// <summary>The code the manifest was made for.</summary>
    [JsonPropertyName("codebase")] public required ManifestCodebase Codebase { get; init; }

    /// <summary>The evaluators behind the metrics.</summary>
    [JsonPropertyName("evaluator_set")] public required IReadOnlyList<EvaluatorRef> EvaluatorSet { get; init; }

    /// <summary>What every pin must satisfy.</summary>
    [JsonPropertyName("policy")] public required ManifestPolicy Policy { get; init; }

    /// <summary>At least one pin, each function at most once.</summary>
    [JsonPropertyName("pins")] public required IReadOnlyList<ManifestPin> Pins { get; init; }

    /// <summary>Positive, increasing with every manifest of the spec; a resolver never goes back to a lower one.</summary>
    [JsonPropertyName("sequence")] public required long Sequence { get; init; }

    /// <summary>After this instant the manifest is no longer valid.</summary>
    [JsonPropertyName("expires_at")] public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The signature block.</summary>
    [JsonPropertyName("signature")] public ManifestSignature? Signature { get; init; }

    /// <summary>Parses and validates a signed manifest; throws <see cref="ManifestFormatException"/> naming the first problem.</summary>
    public static ManifestDocument Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses and validates a signed manifest from UTF-8 JSON.</summary>
    public static ManifestDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonValues.Parse(utf8Json, "manifest");
            return ManifestReader.Read(document.RootElement, ManifestReadMode.Signed);
        }
        catch (JsonShapeException e)
        {
            throw new ManifestFormatException(e.Path, e.Problem);
        }
    }

    /// <summary>The document as JSON (indented for people; signatures cover the canonical form, not this text).</summary>
    public string ToJson(bool indented = true) =>
        ManifestJson.ToNode(this).ToJsonString(indented ? ManifestJson.Indented : ManifestJson.Compact);
}
