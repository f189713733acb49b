using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ServedApp;

namespace Sigil.Benchmarks.Resolver;

/// <summary>
/// <c>--served-call-paired [--rounds N]</c>: a check of <see cref="ServedCallBenchmarks"/> that shared, busy machines
/// cannot skew: in one process in prod mode (both pins served, checked as there), batches of direct calls and of served pinned
/// calls (1,000 for Root, 20,000 for Tiny) alternate (order flipped every round), so any load on the machine falls on both sides
/// alike; reports the median per-call time of each side and the median and quartiles of the per-round ratio.
/// </summary>
internal static class ServedCallPaired
{
    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        var rounds = 4000;
        if (args is ["--rounds", var text] && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            rounds = n;
        }
        else if (args.Count > 0)
        {
            log.WriteLine("usage: --served-call-paired [--rounds N]");
            return 2;
        }
        using var served = ServedProject.Create();
        var project = ServedCallBenchmarks.Start(served.Directory, served.ProdEnvironment);
        if (project.Resolution.Served.Count != ServedProject.PinMethods.Length)
        {
            throw new InvalidOperationException("prod mode does not serve both pins: " + project.Resolution.FallbackReason);
        }
        ServedCallBenchmarks.CheckServedPath(project);
        Measure(log, "Root", rounds);
        Measure(log, "Tiny", rounds);
        log.WriteLine($"# served calls counted: {project.Resolution.Served.Sum(p => p.Calls)}; load average now: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Measure(TextWriter log, string kernel, int rounds)
    {
        Func<double> direct = kernel == "Root" ? () => Loops.RootDirect(ServedCallBenchmarks.Values) : () => Loops.TinyDirect(ServedCallBenchmarks.Calls);
        Func<double> pinned = kernel == "Root" ? () => Loops.RootPinned(ServedCallBenchmarks.Values) : () => Loops.TinyPinned(ServedCallBenchmarks.Calls);
        var repeat = kernel == "Root" ? 1 : 20; // a timed batch of at least ~30 µs, well above the clock's granularity
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            direct();
            pinned();
        }
        var directNs = new double[rounds];
        var pinnedNs = new double[rounds];
        for (var r = 0; r < rounds; r++)
        {
            if ((r & 1) == 0)
            {
                directNs[r] = Time(direct, repeat);
                pinnedNs[r] = Time(pinned, repeat);
            }
            else
            {
                pinnedNs[r] = Time(pinned, repeat);
                directNs[r] = Time(direct, repeat);
            }
        }
        var ratios = pinnedNs.Zip(directNs, (p, d) => p / d).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kernel}: {rounds} rounds of {repeat * ServedCallBenchmarks.Calls} calls each side; direct median {Median(directNs):F3} ns/call, served median {Median(pinnedNs):F3} ns/call, "
            + $"served − direct {Median(pinnedNs) - Median(directNs):F2} ns; per-round ratio median {ResolverColdStart.Quantile(ratios, 0.5):F3} "
            + $"(quartiles {ResolverColdStart.Quantile(ratios, 0.25):F3}–{ResolverColdStart.Quantile(ratios, 0.75):F3})"));
    }

    private static double Time(Func<double> batch, int repeat)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < repeat; i++)
        {
            batch();
        }
        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / (repeat * ServedCallBenchmarks.Calls);
    }

    private static double Median(IReadOnlyList<double> values) => ResolverColdStart.Quantile(values, 0.5);
}
