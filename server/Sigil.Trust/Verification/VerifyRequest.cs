using Sigil.Projects;

namespace Sigil.Trust.Verification;

/// <summary>What to verify (<c>sigil verify</c>): a manifest, against a project's trusted keys, build and applied record.</summary>
/// <param name="ManifestPath">The manifest file (relative paths are taken from the project directory).</param>
/// <param name="Project">The Sigil project: its <c>sigil.keys.json</c>, <c>sigil.json</c> (to find the build) and <c>.sigil/resolver/applied.json</c>.</param>
public sealed record VerifyRequest(string ManifestPath, SigilPaths Project)
{
    /// <summary>The built assembly whose pins the ABI check compares with; null for the project's newest build output.</summary>
    public string? AssemblyPath { get; init; }

    /// <summary>
    /// True (the default) to check as the prod resolver does: every pin needs its compiled artifact beside the manifest,
    /// with the signed digest. False to check only what publishing needs (signature, trust, window, sequence, ABI, policy),
    /// and no artifact at all.
    /// </summary>
    public bool RequireArtifacts { get; init; } = true;
}
