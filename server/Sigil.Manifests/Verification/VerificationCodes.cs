namespace Sigil.Manifests.Verification;

/// <summary>The stable codes of <see cref="VerificationResult.Code"/>, in the order the checks run.</summary>
public static class VerificationCodes
{
    /// <summary>Not JSON, or not a valid <c>sigil/manifest@0</c> (the message names the JSON path).</summary>
    public const string Malformed = "malformed";

    /// <summary><c>manifest_id</c> is not the hash of the content: the document was edited after it was made.</summary>
    public const string IdMismatch = "id-mismatch";

    /// <summary>The signer's key is not in the trust store.</summary>
    public const string UnknownKey = "unknown-key";

    /// <summary>The signer's key has been revoked.</summary>
    public const string RevokedKey = "revoked-key";

    /// <summary>The Ed25519 signature does not verify against the trusted key.</summary>
    public const string BadSignature = "bad-signature";

    /// <summary><c>created_at</c> is later than now plus the allowed clock skew.</summary>
    public const string NotYetValid = "not-yet-valid";

    /// <summary>Now is after <c>expires_at</c>.</summary>
    public const string Expired = "expired";

    /// <summary>The sequence is below the last applied one, or equal to it with a different manifest id.</summary>
    public const string ReplayedSequence = "replayed-sequence";

    /// <summary>A pin's abi-hash differs from the current build's, or its function no longer exists.</summary>
    public const string AbiMismatch = "abi-mismatch";

    /// <summary>A pin's metrics or evidence do not satisfy the manifest's policy.</summary>
    public const string PolicyViolation = "policy-violation";

    /// <summary>A pin has no compiled artifact, or its file beside the manifest cannot be read (only when artifacts are required).</summary>
    public const string ArtifactMissing = "artifact-missing";

    /// <summary>An artifact's bytes do not have the signed size or BLAKE3 digest: it is not the approved code.</summary>
    public const string ArtifactMismatch = "artifact-mismatch";
}
