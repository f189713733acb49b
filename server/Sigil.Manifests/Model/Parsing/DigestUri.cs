using Sigil.Core.Hashing;
using Sigil.Manifests.Json;

namespace Sigil.Manifests.Model.Parsing;

/// <summary>Checks content-addressed URIs of the form <c>&lt;scheme&gt;://b3:&lt;64 lowercase hex&gt;</c>.</summary>
internal static class DigestUri
{
    public const string ManifestPrefix = "manifest://b3:";
    public const string SpecPrefix = "spec://b3:";
    public const string WorkspacePrefix = "ws://b3:";

    public static string Check(string text, string prefix, string path) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && Blake3Digest.IsDigest(text[prefix.Length..])
            ? text
            : throw new JsonShapeException(path, $"'{text}' is malformed; expected {prefix}<64 lowercase hex characters>.");
}
