using Sigil.Core.Identity;

namespace Sigil.Manifests.Verification;

/// <summary>What the caller knows that the manifest cannot tell: the current build and what was applied before.</summary>
public sealed record VerificationOptions
{
    /// <summary>
    /// The abi-hash the current build has for a pin's function (looked up by package, module and qualname), or null
    /// when the function no longer exists. Only the abi-hash is compared, never the commit.
    /// </summary>
    public required Func<FunctionId, string?> CurrentAbiHash { get; init; }

    /// <summary>
    /// The last applied manifest of the spec, or null for none. A lower sequence is a replay; the same sequence is
    /// accepted only for the very same manifest id.
    /// </summary>
    public AppliedManifest? LastApplied { get; init; }

    /// <summary>
    /// Used when <see cref="LastApplied"/> is null: looks the last applied manifest up by the manifest's spec, so a
    /// caller that has not parsed the manifest (the runtime resolver) need not parse it twice.
    /// </summary>
    public Func<string, AppliedManifest?>? LastAppliedFor { get; init; }

    /// <summary>How far <c>created_at</c> may lie in the future before the manifest is refused (default 5 minutes).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The manifest's own path: when set, each pin's artifact is read from <c>sigil-artifacts/</c> beside it and must have the
    /// signed size and digest; the bytes checked are returned in <see cref="VerificationResult.Artifacts"/> (load those,
    /// never the file again).
    /// </summary>
    public string? ManifestPath { get; init; }

    /// <summary>With <see cref="ManifestPath"/>: every pin must have an artifact (the resolver serves all pins or none).</summary>
    public bool RequireArtifacts { get; init; }
}
