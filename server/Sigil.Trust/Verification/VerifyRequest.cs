using Sigil.Projects;

namespace Sigil.Trust.Verification;

/// <summary>What to verify (<c>sigil verify</c>): a manifest, against a project's trusted keys, build and applied record.</summary>
/// <param name="ManifestPath">The manifest file (relative paths are taken from the project directory).</param>
/// <param name="Project">The Sigil project: its <c>sigil.keys.json</c>, <c>sigil.json</c> (to find the build) and <c>.sigil/resolver/applied.json</c>.</param>
public sealed record VerifyRequest(string ManifestPath, SigilPaths Project)
{
    /// <summary>The built assembly whose pins the ABI check compares with; null for the project's newest build output.</summary>
    public string? AssemblyPath { get; init; }
}
