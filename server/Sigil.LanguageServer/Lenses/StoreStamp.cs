using Sigil.Runtime.Tracking;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Stamps (size and last write time) of the files in <c>.sigil/</c> the lenses show: the workspace store
/// (<c>workspace.db</c> and its LiteDB log) and <c>tracker.json</c>. Equal stamps mean nothing the lenses show changed,
/// whatever file events came: the server's own reads of the store open the LiteDB file, which raises events in the
/// folder without changing either stamp.
/// </summary>
internal static class StoreStamp
{
    /// <summary>The store's stamp, or null when there is no store yet.</summary>
    public static string? Store(string sigilDirectory)
    {
        var database = new FileInfo(Path.Combine(sigilDirectory, LiteDbWorkspaceStore.DatabaseFileName));
        if (!database.Exists)
        {
            return null;
        }
        var log = new FileInfo(Path.Combine(sigilDirectory, Path.GetFileNameWithoutExtension(LiteDbWorkspaceStore.DatabaseFileName) + "-log.db"));
        return $"{Of(database)}:{Of(log)}";
    }

    /// <summary>The stamp of everything the watcher refreshes the lenses for: the store and the tracker's state.</summary>
    public static string Watched(string sigilDirectory) =>
        $"{Store(sigilDirectory) ?? "no store"}|{Of(new FileInfo(TrackerState.PathIn(sigilDirectory)))}";

    private static string Of(FileInfo file) => file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "-";
}
