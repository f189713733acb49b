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
    IReadOnlyList<ServedPin> Served)
{
    /// <summary>When the decision is made (background or at start-up).</summary>
    public ResolveTiming Timing { get; init; }

    /// <summary>True while the first decision is still being made (background timing): every pin runs its baseline meanwhile.</summary>
    public bool Pending { get; init; }

    /// <summary>How long the last decision took (read, verify, hash, load and bind), once made.</summary>
    public TimeSpan? DecisionTime { get; init; }

    /// <summary>From the project's first pin registration to the first decision being applied, once it was.</summary>
    public TimeSpan? DecidedAfter { get; init; }

    /// <summary>
    /// How long registering the project's pins held up the app's start-up in all (the generated module initializers'
    /// calls into Sigil; with background timing, the decision is not part of it).
    /// </summary>
    public TimeSpan RegistrationTime { get; init; }
}
