using Sigil.Manifests.Model;
using Sigil.Manifests.Verification;

namespace Sigil.Trust.Verification;

/// <summary>The verdict on a manifest, exactly as the resolver would reach it.</summary>
/// <param name="Valid">True when every check passed.</param>
/// <param name="Code">The first failure's code (<see cref="VerificationCodes"/>); null when valid.</param>
/// <param name="Message">What failed and what to do; null when valid.</param>
/// <param name="Pin">The failing pin's FunctionID for ABI and policy failures; otherwise null.</param>
/// <param name="Summary">What the manifest says, when it parses at all (also when invalid).</param>
/// <param name="Document">The verified document; null unless <paramref name="Valid"/>.</param>
/// <param name="AssemblyPath">The built assembly the ABI check compared with.</param>
/// <param name="LastApplied">The spec's last applied manifest the sequence was checked against, or null.</param>
/// <param name="Warnings">What the user should know (for example a build older than the sources).</param>
public sealed record VerifyResult(
    bool Valid,
    string? Code,
    string? Message,
    string? Pin,
    ManifestSummary? Summary,
    ManifestDocument? Document,
    string AssemblyPath,
    AppliedManifest? LastApplied,
    IReadOnlyList<string> Warnings);
