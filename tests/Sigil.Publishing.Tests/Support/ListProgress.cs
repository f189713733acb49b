namespace Sigil.Publishing.Tests.Support;

/// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>), optionally reacting to each.</summary>
internal sealed class ListProgress(Action<string>? onReport = null) : IProgress<string>
{
    private readonly List<string> _reports = [];

    public IReadOnlyList<string> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(string value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
        onReport?.Invoke(value);
    }
}
