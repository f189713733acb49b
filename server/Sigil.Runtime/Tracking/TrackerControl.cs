namespace Sigil.Runtime.Tracking;

/// <summary>
/// Polls a project's <see cref="TrackerState"/> file and reports changes, so tracking turns on and off while the
/// app runs (no rebuild, no restart). Reads the file once synchronously at start.
/// </summary>
internal sealed class TrackerControl : IDisposable
{
    /// <summary>How often the state file is checked.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly string _sigilDirectory;
    private readonly Action<bool> _onChange;
    private readonly Timer _timer;
    private DateTime _lastWrite = DateTime.MinValue;
    private bool _enabled;

    public TrackerControl(string sigilDirectory, Action<bool> onChange)
    {
        _sigilDirectory = sigilDirectory;
        _onChange = onChange;
        Poll();
        _timer = new Timer(_ => Poll(), null, PollInterval, PollInterval);
    }

    public bool Enabled => _enabled;

    private void Poll()
    {
        try
        {
            var path = TrackerState.PathIn(_sigilDirectory);
            var write = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            if (write == _lastWrite)
            {
                return;
            }
            _lastWrite = write;
            var enabled = write != DateTime.MinValue && TrackerState.Read(_sigilDirectory).Enabled;
            if (enabled != _enabled)
            {
                _enabled = enabled;
                _onChange(enabled);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A state file being replaced or unreadable keeps the current state; the next poll retries.
            _lastWrite = DateTime.MinValue;
        }
    }

    public void Dispose() => _timer.Dispose();
}
