using System.Text.Json.Serialization;

namespace Sigil.Manifests.Model;

/// <summary>
/// The approved candidate compiled ahead of time, so that production runs it without a compiler: a small assembly
/// holding the pin's method alone, stored content-addressed beside the manifest (<c>sigil-artifacts/&lt;hex&gt;.dll</c>). The
/// resolver loads it only after its BLAKE3 digest matches this signed one. Optional: a pin without an artifact can be
/// published but not served (the prod resolver then falls back to every baseline).
/// </summary>
/// <param name="Digest"><c>art://b3:&lt;64 hex&gt;</c>, BLAKE3 of the assembly's bytes.</param>
/// <param name="EntryType">Metadata name of the type holding the method (the method keeps the pin's name and parameters).</param>
/// <param name="Size">The assembly's length in bytes.</param>
public sealed record PinArtifact(
    [property: JsonPropertyName("digest")] string Digest,
    [property: JsonPropertyName("entry_type")] string EntryType,
    [property: JsonPropertyName("size")] long Size)
{
    /// <summary>The prefix of <see cref="Digest"/>.</summary>
    public const string DigestPrefix = "art://b3:";

    /// <summary>The folder, beside the manifest, that holds artifacts.</summary>
    public const string FolderName = "sigil-artifacts";

    /// <summary>The 64 hex digits of <see cref="Digest"/>.</summary>
    [JsonIgnore]
    public string Hex => Digest[DigestPrefix.Length..];

    /// <summary>Where the artifact lives for a manifest at <paramref name="manifestPath"/>.</summary>
    public string PathBeside(string manifestPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, FolderName, Hex + ".dll");
}
