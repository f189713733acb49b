using System.Collections.Concurrent;

namespace Sigil.Evaluation.Tests.Support;

/// <summary>Keeps every report, synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class RecordingProgress : IProgress<string>
{
    private readonly ConcurrentQueue<string> _reports = new();

    public IReadOnlyList<string> Reports => [.. _reports];

    public void Report(string value) => _reports.Enqueue(value);
}
