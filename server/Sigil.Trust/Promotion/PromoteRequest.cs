using Sigil.Projects;
using Sigil.Publishing.Git;
using Sigil.Trust.Policy;

namespace Sigil.Trust.Promotion;

/// <summary>What to promote (<c>sigil promote SPEC WS</c>): which candidates, signed by which key, under which policy, written where.</summary>
/// <param name="Project">The Sigil project (its <c>sigil.json</c>, <c>.sigil/</c> and <c>sigil.keys.json</c>).</param>
/// <param name="Spec">The spec whose pins are promoted.</param>
/// <param name="Workspace">The named workspace the candidates come from.</param>
/// <param name="KeyName">The signing key's name in the keys directory; it must be trusted in the project's <c>sigil.keys.json</c>.</param>
public sealed record PromoteRequest(SigilPaths Project, string Spec, string Workspace, string KeyName)
{
    /// <summary>The default of <see cref="Expiry"/>: 90 days.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(90);

    /// <summary>
    /// Candidates to promote, by full id (<c>diff://b3:…</c>) or a unique digest prefix (at least 6 hex digits), at most
    /// one per function. Null or empty: per function of the spec, its best candidate with accepted holdout/comparison evidence.
    /// </summary>
    public IReadOnlyList<string>? Candidates { get; init; }

    /// <summary>The keys directory; null for <c>SigningKeyStore.DefaultDirectory()</c> (<c>$SIGIL_KEYS_DIR</c>, …).</summary>
    public string? KeysDirectory { get; init; }

    /// <summary>The author; null for <c>git config user.email</c> in the project, else the user name.</summary>
    public string? Author { get; init; }

    /// <summary>Which default policy applies (speed unless the run optimized the eval score).</summary>
    public PromotionObjective Objective { get; init; } = PromotionObjective.Speed;

    /// <summary>
    /// Constraint clauses such as <c>speedup_ci_low&gt;1.05</c> or <c>p99_ns&lt;=120000</c>; each replaces the default on
    /// the same metric (see <see cref="PromotionPolicy"/>), the defaults on other metrics stay.
    /// </summary>
    public IReadOnlyList<string>? Constraints { get; init; }

    /// <summary>The non-inferiority clause <c>METRIC&gt;=DELTA</c>, <c>none</c> for no rule, or null for the default.</summary>
    public string? NonInferiority { get; init; }

    /// <summary>How long the manifest stays valid after its creation (default <see cref="DefaultExpiry"/>).</summary>
    public TimeSpan Expiry { get; init; } = DefaultExpiry;

    /// <summary>Where to write the signed manifest (relative paths are taken from the project directory); null for <c>&lt;project&gt;/sigil.manifest.json</c>.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Replace an existing output file (the copies in <c>.sigil/manifests/</c> are never replaced).</summary>
    public bool Force { get; init; }

    /// <summary>How git is run (null for the git on PATH).</summary>
    public GitOptions? Git { get; init; }
}
