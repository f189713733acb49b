using BenchmarkDotNet.Attributes;

namespace Sigil.Benchmarks;

/// <summary>
/// Tracker on: every pinned call is measured, scored by its eval and written to the sample log. Per call, with a
/// bounded number of invocations (each call is a ~30-byte record on disk). Cleanup checks records == calls.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(15)]
[InvocationCount(1024)]
public class TrackerOnBenchmarks
{
    private const int Calls = 1000;
    private long _before;
    private long _pinnedInvocations;

    [GlobalSetup]
    public void Setup() => _before = TrackerSwitch.Set(true);

    [GlobalCleanup]
    public void Cleanup() => TrackerSwitch.Verify(nameof(TrackerOnBenchmarks), _before, _pinnedInvocations * Calls);

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
