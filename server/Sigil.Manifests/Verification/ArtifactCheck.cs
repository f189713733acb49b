using Sigil.Core.Hashing;
using Sigil.Manifests.Model;

namespace Sigil.Manifests.Verification;

/// <summary>
/// The last check: each pin's artifact, read once from <c>sigil-artifacts/</c> beside the manifest, has the signed size and
/// BLAKE3 digest. The bytes that passed are handed on, so a resolver loads exactly what was checked.
/// </summary>
public static class ArtifactCheck
{
    /// <summary>Artifacts larger than this are refused before reading (a method alone compiles to a few kilobytes).</summary>
    public const long MaxSize = 16L * 1024 * 1024;

    /// <summary>Checks every pin (see <see cref="VerificationOptions.ManifestPath"/>) and returns the final result.</summary>
    internal static VerificationResult Read(ManifestDocument document, VerificationOptions options)
    {
        var artifacts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (options.ManifestPath is not { } manifestPath)
        {
            return VerificationResult.Success(document, artifacts);
        }
        for (var i = 0; i < document.Pins.Count; i++)
        {
            var pin = document.Pins[i];
            if (TryRead(pin, i, manifestPath, options.RequireArtifacts, out var bytes) is { } failure)
            {
                return failure;
            }
            if (bytes is not null)
            {
                artifacts[pin.FunctionId.ToString()] = bytes;
            }
        }
        return VerificationResult.Success(document, artifacts);
    }

    /// <summary>
    /// Reads one pin's artifact and checks it: null and the bytes when it is the signed one (or null bytes when the pin
    /// has none and none is <paramref name="required"/>), otherwise the failure.
    /// </summary>
    public static VerificationResult? TryRead(ManifestPin pin, int index, string manifestPath, bool required, out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        bytes = null;
        var label = ManifestVerifier.Label(pin, index);
        if (pin.Artifact is not { } artifact)
        {
            return required
                ? VerificationResult.Failure(VerificationCodes.ArtifactMissing,
                    $"{label} has no compiled artifact, so it cannot be served at run time (only static pins whose candidate changes the pinned method alone can); publish this manifest to the source instead ('sigil publish').",
                    pin.FunctionId.ToString())
                : null;
        }
        var path = artifact.PathBeside(manifestPath);
        byte[] read;
        try
        {
            var length = new FileInfo(path).Length;
            if (length != artifact.Size || length > MaxSize)
            {
                return Mismatch(label, pin, $"{path} has {length} bytes but the manifest signed {artifact.Size}");
            }
            read = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return VerificationResult.Failure(VerificationCodes.ArtifactMissing,
                $"{label}: its artifact {path} cannot be read ({e.Message}); copy the manifest's sigil-artifacts/ folder along with it.",
                pin.FunctionId.ToString());
        }
        var digest = PinArtifact.DigestPrefix + Blake3Digest.Hex(read);
        if (read.LongLength != artifact.Size || digest != artifact.Digest)
        {
            return Mismatch(label, pin, $"{path} hashes to {digest} but the manifest signed {artifact.Digest}");
        }
        bytes = read;
        return null;
    }

    private static VerificationResult Mismatch(string label, ManifestPin pin, string what) =>
        VerificationResult.Failure(VerificationCodes.ArtifactMismatch,
            $"{label}: {what}; it is not the approved code. Restore the sigil-artifacts/ folder that came with the manifest, or promote again.",
            pin.FunctionId.ToString());
}
