namespace Sigil.Runtime.Resolution;

/// <summary>What the resolver decided for a project (see <see cref="SigilProject.Resolution"/>).</summary>
/// <param name="Mode">The mode in force.</param>
/// <param name="ManifestPath">The manifest read, or null.</param>
/// <param name="ManifestId">The manifest applied (all or some of its pins), or null.</param>
/// <param name="FallbackReason">Why baselines are served where a manifest was configured, or null.</param>
/// <param name="Served">The pins served by a candidate now.</param>
public sealed record ResolutionStatus(
    ResolverMode Mode,
    string? ManifestPath,
    string? ManifestId,
    string? FallbackReason,
    IReadOnlyList<ServedPin> Served);
