using Sigil.LanguageServer.State;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Watches the project's <c>.sigil</c> folder for changes made by other processes (a <c>sigil run</c> in a terminal,
/// the tracker switched by the CLI) and refreshes the lenses, at most once per <see cref="Quiet"/>.
/// </summary>
internal sealed class StoreWatcher(LensRefresher refresher) : IDisposable
{
    /// <summary>How long changes are gathered before one refresh.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private FileSystemWatcher? _watcher;
    private Timer? _timer;

    /// <summary>Starts watching <paramref name="project"/>'s <c>.sigil</c> folder; false when it does not exist yet.</summary>
    public bool Start(ProjectContext project)
    {
        if (!Directory.Exists(project.SigilDirectory))
        {
            return false;
        }
        _timer = new Timer(_ => _ = refresher.RefreshAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(project.SigilDirectory)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
        return true;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (e.Name is { } name && (name.StartsWith("workspace", StringComparison.Ordinal) || name.StartsWith("tracker", StringComparison.Ordinal)))
        {
            _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }
}
