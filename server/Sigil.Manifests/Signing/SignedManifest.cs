using Sigil.Manifests.Model;

namespace Sigil.Manifests.Signing;

/// <summary>What <see cref="ManifestSigner.Sign"/> returns.</summary>
/// <param name="Document">The signed document, as parsed back from <paramref name="Json"/>.</param>
/// <param name="Json">The file content: indented JSON for people (verification re-canonicalizes it).</param>
public sealed record SignedManifest(ManifestDocument Document, string Json);
