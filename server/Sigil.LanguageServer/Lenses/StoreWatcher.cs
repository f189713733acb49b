using Sigil.LanguageServer.State;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Watches the project's <c>.sigil</c> folder for changes made by other processes (a <c>sigil run</c> in a terminal,
/// the tracker switched by the CLI) and refreshes the lenses, at most once per <see cref="Quiet"/>, and only when the
/// store or the tracker's state did change (<see cref="StoreStamp"/>): the server's own reads of the store raise file
/// events too, and refreshing for them would have an editor ask again, the server read again, and so on forever.
/// </summary>
internal sealed class StoreWatcher(LensRefresher refresher) : IDisposable
{
    /// <summary>How long changes are gathered before one refresh.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private FileSystemWatcher? _watcher;
    private Timer? _timer;
    private string _sigilDirectory = "";
    private string _seen = "";

    /// <summary>
    /// Starts watching <paramref name="project"/>'s <c>.sigil</c> folder, and reading the store in the background for the
    /// first lenses (<see cref="LensRefresher.WarmAsync"/>); false when the folder does not exist yet.
    /// </summary>
    public bool Start(ProjectContext project)
    {
        if (!Directory.Exists(project.SigilDirectory))
        {
            return false;
        }
        _sigilDirectory = project.SigilDirectory;
        _seen = StoreStamp.Watched(_sigilDirectory);
        _timer = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(project.SigilDirectory)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
        _ = refresher.WarmAsync();
        return true;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.Name is { } name && (name.StartsWith("workspace", StringComparison.Ordinal) || name.StartsWith("tracker", StringComparison.Ordinal)))
        {
            _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>After a quiet period: refreshes when the stamp differs from the one last seen.</summary>
    private void OnQuiet()
    {
        var now = StoreStamp.Watched(_sigilDirectory);
        if (Interlocked.Exchange(ref _seen, now) != now)
        {
            _ = refresher.RefreshAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }
}
