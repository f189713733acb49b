using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>The code a manifest was made for.</summary>
/// <param name="Repo">The repository (URL or name).</param>
/// <param name="Commit">The git commit, 40 or 64 lowercase hex characters.</param>
public sealed record ManifestCodebase(
    [property: JsonPropertyName("repo")] string Repo,
    [property: JsonPropertyName("commit")] string Commit);
