namespace Sigil.Manifests.Verification;

/// <summary>The manifest a resolver last applied for the spec: later manifests must not go back.</summary>
/// <param name="Sequence">Its sequence.</param>
/// <param name="ManifestId">Its <c>manifest://b3:</c> id.</param>
public sealed record AppliedManifest(long Sequence, string ManifestId);
