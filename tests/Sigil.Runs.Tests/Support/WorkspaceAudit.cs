using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Tests.Support;

/// <summary>What a test checks about a <c>.sigil</c> directory and its workspace after a run.</summary>
internal static class WorkspaceAudit
{
    /// <summary>
    /// Every file of <paramref name="sigilDirectory"/> outside the workspace (the database and <c>ws/</c>, where runs
    /// write), with a digest of its bytes: equal snapshots mean nothing else was added, changed or removed.
    /// </summary>
    public static IReadOnlyList<string> SnapshotOutsideWorkspace(string sigilDirectory) =>
        [.. Directory.EnumerateFiles(sigilDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(sigilDirectory, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("workspace", StringComparison.Ordinal) && !relative.StartsWith("ws/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => relative + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(sigilDirectory, relative)))))];

    /// <summary>Whether <paramref name="text"/> occurs (UTF-8) in any file of the workspace: the database and <c>ws/</c>.</summary>
    public static bool WorkspaceContains(string sigilDirectory, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var files = Directory.EnumerateFiles(sigilDirectory, "workspace*", SearchOption.TopDirectoryOnly)
            .Concat(Directory.Exists(Path.Combine(sigilDirectory, "ws")) ? Directory.EnumerateFiles(Path.Combine(sigilDirectory, "ws"), "*", SearchOption.AllDirectories) : []);
        return files.Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>Whether <paramref name="text"/> occurs in any entry of the archive at <paramref name="tarGzPath"/>.</summary>
    public static bool ArchiveContains(string tarGzPath, string text)
    {
        using var file = File.OpenRead(tarGzPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
            {
                continue;
            }
            using var content = new MemoryStream();
            entry.DataStream.CopyTo(content);
            if (Encoding.UTF8.GetString(content.ToArray()).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Exports the whole workspace to <paramref name="folder"/>/workspace.tar.gz and imports it into an empty workspace
    /// there (import verifies every entry, id and reference before writing): returns the archive's path, after checking
    /// that the copy holds the same runs and trials.
    /// </summary>
    public static string ExportAndVerify(IWorkspaceStore store, string folder, string spec)
    {
        var archive = Path.Combine(folder, "workspace.tar.gz");
        var exported = WorkspaceArchive.Export(store, archive);
        Assert.IsGreaterThan(0, exported.Runs);
        Assert.IsGreaterThan(0, exported.Trials);
        using var copy = LiteDbWorkspaceStore.Open(Path.Combine(folder, "copy"));
        var imported = WorkspaceArchive.Import(copy, archive);
        Assert.AreEqual(exported.Runs, imported.RunsAdded);
        Assert.AreEqual(exported.Trials, imported.TrialsAdded);
        Assert.AreEqual(exported.Candidates + exported.Memberships, imported.CandidatesAdded, "candidate entries and further memberships");
        Assert.AreEqual(exported.Evaluations, imported.EvaluationsAdded);
        foreach (var run in store.ListRuns(spec))
        {
            Assert.AreEqual(run, copy.GetRun(run.Id));
            CollectionAssert.AreEqual(store.ListTrials(run.Id).ToList(), copy.ListTrials(run.Id).ToList(), $"trials of {run.Id}");
        }
        // Importing into the workspace it came from verifies it again and adds nothing.
        var again = WorkspaceArchive.Import(store, archive);
        Assert.AreEqual(0, again.Added);
        return archive;
    }
}
