namespace Sigil.Runs.Tests.Support;

/// <summary>
/// An <see cref="IProgress{T}"/> that records every report and calls <paramref name="onReport"/> on the reporting
/// thread, before the run goes on (<see cref="Progress{T}"/> would post it to the thread pool, too late to act on).
/// </summary>
internal sealed class SyncProgress(Action<RunProgress>? onReport = null) : IProgress<RunProgress>
{
    private readonly List<RunProgress> _reports = [];

    public IReadOnlyList<RunProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(RunProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
        onReport?.Invoke(value);
    }
}
