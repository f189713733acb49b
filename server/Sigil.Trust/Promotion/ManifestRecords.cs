using System.Globalization;
using Sigil.Trust.Errors;

namespace Sigil.Trust.Promotion;

/// <summary>
/// <c>.sigil/manifests/</c>: a copy of every manifest promoted in the project, <c>&lt;spec&gt;-&lt;sequence&gt;.json</c>,
/// created new and never overwritten; the highest sequence recorded for a spec is where the next one continues.
/// </summary>
internal sealed class ManifestRecords(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The highest sequence recorded for <paramref name="spec"/>, 0 when none.</summary>
    public long HighestSequence(string spec)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }
        var prefix = spec + "-";
        return System.IO.Directory.EnumerateFiles(Directory, prefix + "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name![prefix.Length..])
            .Select(rest => rest.Length > 0 && rest.All(char.IsAsciiDigit) && long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>The file of a spec's manifest with that sequence.</summary>
    public string PathOf(string spec, long sequence) =>
        Path.Combine(Directory, $"{spec}-{sequence.ToString(CultureInfo.InvariantCulture)}.json");

    /// <summary>Writes the copy as a new file; refuses when another promote took the sequence meanwhile.</summary>
    public string WriteNew(string spec, long sequence, string json)
    {
        var path = PathOf(spec, sequence);
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(json);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new TrustException(TrustErrorCodes.SequenceTaken,
                $"Another promote recorded sequence {sequence} of spec '{spec}' ({path}) at the same time; nothing was written. Promote again.");
        }
        return path;
    }
}
