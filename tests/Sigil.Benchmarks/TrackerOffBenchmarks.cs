using BenchmarkDotNet.Attributes;

namespace Sigil.Benchmarks;

/// <summary>Tracker off: a pinned call (interceptor + gate) against the same method called directly. Per call.</summary>
[MemoryDiagnoser]
public class TrackerOffBenchmarks
{
    private const int Calls = 1000;

    [GlobalSetup]
    public void Setup() => TrackerSwitch.Set(false);

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
        var acc = 0;
        for (var i = 0; i < Calls; i++)
        {
            acc += Kernels.Pinned(i);
        }
        return acc;
    }
}
