namespace Sigil.Generators.Tests.Infrastructure;

/// <summary>A throw-away project directory, optionally with the tracker switched on (.sigil/tracker.json).</summary>
internal sealed class TempProjectDirectory : IDisposable
{
    /// <summary>Parent of every test project directory.</summary>
    public static readonly string Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sigil-generators-tests");

    public TempProjectDirectory(bool trackerEnabled)
    {
        Path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N"));
        var sigil = System.IO.Path.Combine(Path, ".sigil");
        Directory.CreateDirectory(sigil);
        if (trackerEnabled)
        {
            File.WriteAllText(System.IO.Path.Combine(sigil, "tracker.json"), """{"enabled":true}""");
        }
    }

    public string Path { get; }

    /// <summary>
    /// Deletes directories left by earlier runs: a tracked app's sample writer flushes at process exit, after
    /// <see cref="Dispose"/> ran, and so recreates its segment. Only directories older than an hour are removed, so a
    /// concurrent run is never disturbed.
    /// </summary>
    public static void DeleteStale()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddHours(-1))
            {
                Delete(directory);
            }
        }
    }

    public void Dispose() => Delete(Path);

    private static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // The tracker's writer thread may still hold a segment open; the OS temp cleaner gets it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
