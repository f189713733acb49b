namespace Sigil.Trust.Errors;

/// <summary>
/// A promote, verify or publish that was refused or cannot be done. Nothing stored was changed. <see cref="Code"/> is
/// one of <see cref="TrustErrorCodes"/> (or, when a manifest fails verification, the verifier's code from
/// <c>Sigil.Manifests.Verification.VerificationCodes</c>); the message says what is wrong and how to fix it.
/// </summary>
public sealed class TrustException : Exception
{
    /// <summary>A refusal with its stable code and message.</summary>
    public TrustException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>A refusal caused by <paramref name="innerException"/>.</summary>
    public TrustException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The stable code, for the CLI's exit status and the language server's error data.</summary>
    public string Code { get; }
}
