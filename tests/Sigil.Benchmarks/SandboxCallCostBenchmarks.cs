using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace Sigil.Benchmarks;

/// <summary>
/// What the sandbox worker does around each timed call of a paired round (Sigil.Worker PairedRunner), one piece at a
/// time, against the timed call itself (the pin through a MethodInvoker, as the worker calls it). Per sample and side the
/// worker deserializes the arguments from the sample's raw JSON (SampleJson's options), reads the timestamp twice, and
/// for the candidate also reads the thread's CPU clock (clock_gettime(CLOCK_THREAD_CPUTIME_ID), a P/Invoke with
/// SetLastError like the worker's) and its allocated bytes twice. Explains the pipeline's worker time beyond the timed
/// calls (docs/benchmarks.md, candidates per second).
/// </summary>
[MemoryDiagnoser]
[WarmupCount(3)]
[IterationCount(10)]
public class SandboxCallCostBenchmarks
{
    private const string IntArrayJson = "[-309,482,-911,17,640,-55,999,-1000,3,128,-777,256,81,-64,500,-2]";
    private const string DoubleJson = "49.5";

    private readonly JsonSerializerOptions _json = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        MaxDepth = 256,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private MethodInvoker _sum = null!;
    private MethodInvoker _root = null!;
    private object?[] _sumArguments = null!;
    private object?[] _rootArguments = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sum = MethodInvoker.Create(typeof(SandboxKernels).GetMethod(nameof(SandboxKernels.SumOfSquares))!);
        _root = MethodInvoker.Create(typeof(SandboxKernels).GetMethod(nameof(SandboxKernels.Root))!);
        _sumArguments = [JsonSerializer.Deserialize<int[]>(IntArrayJson)];
        _rootArguments = [49.5];
    }

    /// <summary>The timed call of SumOfSquares(int[16]) (QuickStart's LINQ body), through a MethodInvoker.</summary>
    [Benchmark(Baseline = true)]
    public object? InvokeSumOfSquares() => _sum.Invoke(null, _sumArguments.AsSpan());

    /// <summary>The timed call of Root(double) (40 Newton steps), through a MethodInvoker (boxes the result).</summary>
    [Benchmark]
    public object? InvokeRoot() => _root.Invoke(null, _rootArguments.AsSpan());

    /// <summary>A fresh copy of an int[16] argument from its raw JSON (every call, both sides).</summary>
    [Benchmark]
    public object? DeserializeIntArray() => JsonSerializer.Deserialize(IntArrayJson, typeof(int[]), _json);

    /// <summary>A double argument from its raw JSON (every call, both sides).</summary>
    [Benchmark]
    public object? DeserializeDouble() => JsonSerializer.Deserialize(DoubleJson, typeof(double), _json);

    /// <summary>One read of the thread's CPU clock (twice per candidate call).</summary>
    [Benchmark]
    public long ThreadCpuClock()
    {
        ClockGetTime(3, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    /// <summary>One read of the thread's allocated bytes (twice per candidate call).</summary>
    [Benchmark]
    public long AllocatedBytes() => GC.GetAllocatedBytesForCurrentThread();

    /// <summary>One timestamp (twice per call, both sides).</summary>
    [Benchmark]
    public long Timestamp() => Stopwatch.GetTimestamp();

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out Timespec time);
}

/// <summary>Copies of QuickStart's two pins (same bodies), for <see cref="SandboxCallCostBenchmarks"/>.</summary>
public static class SandboxKernels
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long SumOfSquares(int[] values) => values.Select(v => (long)v * v).Sum();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Root(double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        var guess = x / 2 + 1;
        for (var i = 0; i < 40; i++)
        {
            guess = 0.5 * (guess + x / guess);
        }
        return guess;
    }
}
