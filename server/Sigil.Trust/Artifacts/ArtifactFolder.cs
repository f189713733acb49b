using Sigil.Core.Hashing;
using Sigil.Manifests.Model;

namespace Sigil.Trust.Artifacts;

/// <summary>
/// Writes artifacts content-addressed into <c>sigil-artifacts/</c> beside a manifest (<c>&lt;hex&gt;.dll</c>): the same bytes are
/// written once, and a file already there with other bytes is replaced, never trusted (the resolver checks digests anyway).
/// </summary>
internal static class ArtifactFolder
{
    /// <summary>The signed description of <paramref name="image"/>.</summary>
    public static PinArtifact Describe(byte[] image, string entryType) =>
        new(PinArtifact.DigestPrefix + Blake3Digest.Hex(image), entryType, image.LongLength);

    /// <summary>Writes <paramref name="image"/> beside the manifest at <paramref name="manifestPath"/>; returns the file.</summary>
    public static string Write(string manifestPath, PinArtifact artifact, byte[] image)
    {
        var path = artifact.PathBeside(manifestPath);
        if (File.Exists(path) && new FileInfo(path).Length == image.LongLength && File.ReadAllBytes(path).AsSpan().SequenceEqual(image))
        {
            return path;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return path;
    }
}
