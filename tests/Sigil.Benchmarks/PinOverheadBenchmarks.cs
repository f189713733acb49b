using BenchmarkDotNet.Attributes;
using Sigil.Runtime;
using Sigil.Runtime.Tracking;
using Sigil.Tracking.Query;

namespace Sigil.Benchmarks;

/// <summary>
/// A pinned call against the same method called directly, with the tracker off and on, in one run.
/// Each invocation makes <see cref="Calls"/> calls; results are per call. With the tracker on, cleanup checks that
/// the sample log holds exactly one record per call made (no record lost).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(12)]
[InvocationCount(512)]
public class PinOverheadBenchmarks
{
    private const int Calls = 1000;
    private long _pinnedInvocations;
    private long _before;

    /// <summary>Whether the project's tracker is on for this case.</summary>
    [Params(false, true)]
    public bool Tracker { get; set; }

    private static SigilProject Project => PinRegistry.Projects.Single();

    [GlobalSetup]
    public void Setup()
    {
        new TrackerState { Enabled = Tracker }.Write(Project.SigilDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Project.TrackingEnabled != Tracker && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }
        if (Project.TrackingEnabled != Tracker)
        {
            throw new InvalidOperationException("the tracker switch was not noticed");
        }
        _before = CountRecords();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Project.Flush();
        var written = CountRecords() - _before;
        var expected = Tracker ? _pinnedInvocations * Calls : 0;
        var verdict = written == expected ? "no record lost" : "RECORDS LOST";
        File.AppendAllText(Path.Combine(Project.SigilDirectory, "bench-records.txt"),
            $"tracker={Tracker} pinned calls={_pinnedInvocations * Calls} records={written}: {verdict}\n");
        new TrackerState { Enabled = false }.Write(Project.SigilDirectory);
        Thread.Sleep(500);
        var samples = Path.Combine(Project.SigilDirectory, SampleLogFormat.FolderName);
        if (Directory.Exists(samples))
        {
            Directory.Delete(samples, recursive: true);
        }
    }

    private long CountRecords() => SampleLog.Open(Project.SigilDirectory).CountRecords();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int Direct()
    {
        var acc = 0;
        for (var i = 0; i < Calls; i++)
        {
            acc += Kernels.Direct(i);
        }
        return acc;
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Pinned()
    {
        _pinnedInvocations++;
        var acc = 0;
        for (var i = 0; i < Calls; i++)
        {
            acc += Kernels.Pinned(i);
        }
        return acc;
    }
}
