using Sigil.Manifests.Model;

namespace Sigil.Manifests.Verification;

/// <summary>
/// The outcome of <see cref="ManifestVerifier.Verify(string, VerificationOptions)"/>: valid, or the first failure with
/// a stable <see cref="Code"/> (<see cref="VerificationCodes"/>), a message for people and, for a per-pin failure, the pin.
/// </summary>
public sealed record VerificationResult
{
    private VerificationResult(bool valid, string? code, string? message, string? pin, ManifestDocument? document,
        IReadOnlyDictionary<string, byte[]>? artifacts = null)
    {
        Artifacts = artifacts ?? new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Valid = valid;
        Code = code;
        Message = message;
        Pin = pin;
        Document = document;
    }

    /// <summary>True when every check passed.</summary>
    public bool Valid { get; }

    /// <summary>The first failure's code; null when valid.</summary>
    public string? Code { get; }

    /// <summary>What failed and what to do; null when valid.</summary>
    public string? Message { get; }

    /// <summary>The FunctionID of the failing pin, for per-pin failures (ABI, policy); otherwise null.</summary>
    public string? Pin { get; }

    /// <summary>The verified document; null unless <see cref="Valid"/>, so nothing unverified can be applied by mistake.</summary>
    public ManifestDocument? Document { get; }

    /// <summary>
    /// The verified artifact bytes by pin FunctionID (empty unless <see cref="VerificationOptions.ManifestPath"/> was
    /// given and the manifest is valid).
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Artifacts { get; }

    /// <summary>A passing result.</summary>
    public static VerificationResult Success(ManifestDocument document, IReadOnlyDictionary<string, byte[]>? artifacts = null) =>
        new(true, null, null, null, document ?? throw new ArgumentNullException(nameof(document)), artifacts);

    /// <summary>A failing result.</summary>
    public static VerificationResult Failure(string code, string message, string? pin = null) =>
        new(false, code, message, pin, null);

    /// <inheritdoc />
    public override string ToString() => Valid ? "valid" : $"{Code}: {Message}";
}
