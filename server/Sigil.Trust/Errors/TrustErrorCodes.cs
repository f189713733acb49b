namespace Sigil.Trust.Errors;

/// <summary>The stable codes of <see cref="TrustException.Code"/> (besides the verifier's codes for invalid manifests).</summary>
public static class TrustErrorCodes
{
    /// <summary>The request lacks a value or holds one that is malformed (a policy clause, a name, a duration).</summary>
    public const string InvalidRequest = "invalid-request";

    /// <summary>The project has no workspace database, or the spec/workspace holds no candidates.</summary>
    public const string NoCandidates = "no-candidates";

    /// <summary>A named candidate does not exist, is ambiguous, or belongs to another spec or workspace.</summary>
    public const string CandidateNotFound = "candidate-not-found";

    /// <summary>Two candidates were given for the same function.</summary>
    public const string DuplicatePin = "duplicate-pin";

    /// <summary>A candidate has no stored holdout or comparison evaluation to stand on.</summary>
    public const string NoEvidence = "no-evidence";

    /// <summary>A pin's evidence does not meet a clause of the policy.</summary>
    public const string PolicyNotMet = "policy-not-met";

    /// <summary>The signing key is not trusted (or is revoked) in the project's <c>sigil.keys.json</c>.</summary>
    public const string UntrustedKey = "untrusted-key";

    /// <summary>The output manifest exists and overwriting was not asked for.</summary>
    public const string OutputExists = "output-exists";

    /// <summary>Another promote took the same sequence number at the same time.</summary>
    public const string SequenceTaken = "sequence-taken";

    /// <summary>The manifest file does not exist or cannot be read.</summary>
    public const string ManifestNotFound = "manifest-not-found";

    /// <summary>The project's build output (needed for the ABI check) is missing.</summary>
    public const string BuildOutputMissing = "build-output-missing";

    /// <summary><c>.sigil/resolver/applied.json</c> is damaged, or recording would go back to an older manifest.</summary>
    public const string AppliedManifests = "applied-manifests";

    /// <summary>A candidate's stored diffs do not rebuild its sources from the manifest's baseline.</summary>
    public const string CandidateDoesNotApply = "candidate-does-not-apply";

    /// <summary>A candidate changes code publishing cannot carry (other files or members than its pinned method).</summary>
    public const string UnsupportedCandidate = "unsupported-candidate";
}
