using System.Diagnostics;
using System.Runtime.CompilerServices;
using Sigil.Evaluation.Sandbox.Protocol;
using Sigil.Worker.Loading;
using Sigil.Worker.Native;

namespace Sigil.Worker.Running;

/// <summary>
/// The paired, interleaved measurement of one candidate against the baseline. Each round runs every selected sample
/// once per side, samples in a seeded random order and, per sample, baseline and candidate back to back in a seeded
/// random A/B order, so machine drift hits both alike. Every call gets a fresh copy of its arguments (deserialized
/// outside the timed region: calls may mutate them) and is timed alone with Stopwatch ticks; eval calls, output
/// comparison and resource probes are outside the timed region too.
/// </summary>
internal sealed class PairedRunner
{
    private static readonly double NsPerTick = 1e9 / Stopwatch.Frequency;

    /// <summary>
    /// The thread CPU clock is a system call (~0.5 µs, twice per call): it is read around one pair of calls in this many
    /// (both sides alike) and the candidate's sampled total scaled to all its calls, so that 60,000 calls per evaluation do not spend more time reading it than running.
    /// </summary>
    internal const int CpuSampleEvery = 16;

    private readonly PreparedContext _baseline;
    private readonly PinBinding _baselinePin;
    private readonly CandidateContext _candidate;
    private readonly EvaluateRequest _request;
    private readonly Dictionary<string, int> _candidateExceptions = [];
    private long _allocated;
    private long _cpuNs;
    private long _measured;
    private long _cpuSamples;

    /// <param name="baseline">The prepared baseline (samples, eval, JSON).</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="request">What to run.</param>
    /// <param name="baselineTwin">
    /// The baseline's own method loaded fresh beside the candidate (a method-only image), timed in place of the app's copy
    /// so that both sides are alike; null: the app's copy.
    /// </param>
    public PairedRunner(PreparedContext baseline, CandidateContext candidate, EvaluateRequest request, PinBinding? baselineTwin = null)
    {
        _baseline = baseline;
        _baselinePin = baselineTwin ?? baseline.Pin;
        _candidate = candidate;
        _request = request;
    }

    /// <summary>Runs the warm-up and the rounds.</summary>
    /// <exception cref="LoadFailedException">A sample does not deserialize into the candidate's types.</exception>
    /// <exception cref="OutOfMemoryInCallException">A call ran out of memory.</exception>
    public EvaluationReport Run()
    {
        var watch = Stopwatch.StartNew();
        var selected = _request.SampleIndices?.ToArray() ?? [.. Enumerable.Range(0, _baseline.Samples.Length)];
        if (selected.Length == 0) throw new ArgumentException("No sample is selected.");
        foreach (var index in selected)
        {
            if (index < 0 || index >= _baseline.Samples.Length)
                throw new ArgumentException($"Sample index {index} is out of range (the context has {_baseline.Samples.Length}).");
        }

        var rounds = Math.Max(1, _request.Rounds);
        for (var w = 0; w < _request.WarmupCalls; w++)
        {
            var sample = selected[w % selected.Length];
            Call(_baselinePin, BaselineArguments(sample), "baseline", sampleCpu: false);
            Call(_candidate.Pin, CandidateArguments(sample), "candidate", sampleCpu: false);
        }

        var totalCalls = (long)rounds * selected.Length;
        var stride = (int)Math.Max(1, (totalCalls + Math.Max(1, _request.MaxLatencies) - 1) / Math.Max(1, _request.MaxLatencies));
        var baselineLatencies = new List<long>((int)Math.Min(totalCalls / stride + 1, 1 << 20));
        var candidateLatencies = new List<long>(baselineLatencies.Capacity);
        var baselineRounds = new long[rounds];
        var candidateRounds = new long[rounds];
        var outcomes = new SortedDictionary<int, SampleReport>();
        var firstOrder = new int[selected.Length];
        var firstBaselineFirst = new bool[selected.Length];
        var random = new Random(_request.Seed);
        var digest = 14695981039346656037UL;
        long call = 0;
        _allocated = 0;
        _cpuNs = 0;
        _measured = 0;
        _cpuSamples = 0;
        _candidateExceptions.Clear();

        for (var round = 0; round < rounds; round++)
        {
            var order = (int[])selected.Clone();
            random.Shuffle(order);
            long baselineTicks = 0, candidateTicks = 0;
            for (var position = 0; position < order.Length; position++)
            {
                var sample = order[position];
                var baselineFirst = random.Next(2) == 0;
                digest = Mix(Mix(Mix(digest, (ulong)round), (ulong)sample), baselineFirst ? 1UL : 2UL);
                var baselineArguments = BaselineArguments(sample);
                var candidateArguments = CandidateArguments(sample);
                // Both sides are instrumented alike (the same reads around the same calls), so that nothing done for
                // the candidate's resources before its timed call (a system call perturbs caches) tilts the comparison.
                var sampleCpu = _measured++ % CpuSampleEvery == 0;
                CallOutcome b, c;
                if (baselineFirst)
                {
                    b = Call(_baselinePin, baselineArguments, "baseline", sampleCpu);
                    c = Call(_candidate.Pin, candidateArguments, "candidate", sampleCpu);
                }
                else
                {
                    c = Call(_candidate.Pin, candidateArguments, "candidate", sampleCpu);
                    b = Call(_baselinePin, baselineArguments, "baseline", sampleCpu);
                }

                _allocated += c.AllocatedBytes;
                if (c.CpuNs >= 0)
                {
                    _cpuNs += c.CpuNs;
                    _cpuSamples++;
                }

                baselineTicks += b.Ticks;
                candidateTicks += c.Ticks;
                if (c.Error is { } error) Count(error);
                if (call++ % stride == 0)
                {
                    baselineLatencies.Add(ToNs(b.Ticks));
                    candidateLatencies.Add(ToNs(c.Ticks));
                }

                if (round == 0)
                {
                    firstOrder[position] = sample;
                    firstBaselineFirst[position] = baselineFirst;
                    outcomes[sample] = Compare(sample, b, c, baselineArguments, candidateArguments);
                }
            }

            baselineRounds[round] = ToNs(baselineTicks);
            candidateRounds[round] = ToNs(candidateTicks);
        }

        return new EvaluationReport
        {
            BaselineRoundNs = baselineRounds,
            CandidateRoundNs = candidateRounds,
            BaselineLatencyNs = [.. baselineLatencies],
            CandidateLatencyNs = [.. candidateLatencies],
            LatencyStride = stride,
            ReturnsValue = _baseline.Pin.ReturnsValue,
            Samples = [.. outcomes.Values],
            CandidateExceptions = new Dictionary<string, int>(_candidateExceptions),
            CandidateAllocatedBytes = _allocated,
            CandidateCpuNs = ThreadCpuClock.IsAvailable && _cpuSamples > 0 ? (long)((double)_cpuNs * _measured / _cpuSamples) : null,
            PeakWorkingSetBytes = PeakWorkingSet(),
            FirstRoundOrder = firstOrder,
            FirstRoundBaselineFirst = firstBaselineFirst,
            ScheduleDigest = digest.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            ElapsedMs = watch.Elapsed.TotalMilliseconds,
        };
    }

    private object?[] BaselineArguments(int sample) => _baseline.Arguments(sample, _baseline.Pin.ParameterTypes, _baseline.Json, "baseline");

    private object?[] CandidateArguments(int sample) => _baseline.Arguments(sample, _candidate.Pin.ParameterTypes, _candidate.Json, "candidate");

    /// <summary>One timed call. Allocation and (when sampled) thread CPU time are read just outside the Stopwatch readings.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CallOutcome Call(PinBinding pin, object?[] arguments, string side, bool sampleCpu)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = sampleCpu ? ThreadCpuClock.NowNs() : 0;

        object? output = null;
        Exception? error = null;
        var start = Stopwatch.GetTimestamp();
        try
        {
            output = pin.Invoke(arguments);
        }
        catch (Exception e)
        {
            error = e;
        }

        var ticks = Stopwatch.GetTimestamp() - start;
        var cpu = sampleCpu ? ThreadCpuClock.NowNs() - cpuBefore : -1;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (error is OutOfMemoryException oom) throw new OutOfMemoryInCallException(side, oom);
        return new CallOutcome(output, error, ticks, allocated, cpu);
    }

    private void Count(Exception error)
    {
        var name = error.GetType().FullName ?? error.GetType().Name;
        _candidateExceptions[name] = _candidateExceptions.GetValueOrDefault(name) + 1;
    }

    /// <summary>The first round's verdict on one sample: equal outputs (or the same exception type) and the eval's scores.</summary>
    private SampleReport Compare(int sample, CallOutcome b, CallOutcome c, object?[] baselineArguments, object?[] candidateArguments)
    {
        string? note = null;
        bool equal;
        if (b.Error is not null || c.Error is not null)
        {
            equal = b.Error is not null && c.Error is not null && b.Error.GetType().FullName == c.Error.GetType().FullName;
        }
        else if (!_baseline.Pin.ReturnsValue)
        {
            equal = true;
        }
        else
        {
            try
            {
                equal = _baseline.Json.Serialize(b.Output, _baseline.Pin.ResultType!) == _candidate.Json.Serialize(c.Output, _candidate.Pin.ResultType!);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                equal = false;
                note = $"the outputs could not be compared as JSON: {e.GetType().Name}: {e.Message}";
            }
        }

        double? baselineScore = null, candidateScore = null;
        if (_baseline.Eval is { } eval)
        {
            if (b.Error is null) (baselineScore, note) = Score(eval, sample, b.Output, baselineArguments, fromCandidate: false, note);
            if (c.Error is null) (candidateScore, note) = Score(eval, sample, c.Output, candidateArguments, fromCandidate: true, note);
        }

        return new SampleReport
        {
            Index = sample,
            OutputsEqual = equal,
            BaselineScore = baselineScore,
            CandidateScore = candidateScore,
            BaselineException = b.Error?.GetType().FullName,
            CandidateException = c.Error?.GetType().FullName,
            CandidateExceptionMessage = c.Error is { } e2 ? Shorten(e2.Message, 300) : null,
            Note = note,
        };
    }

    /// <summary>
    /// The baseline's eval on one side's call: a value-returning pin is scored on a fresh copy of the sample's inputs
    /// and its output; a void pin on its arguments as the call left them. Candidate values whose types live in the
    /// candidate's context are carried over to the baseline's types through JSON.
    /// </summary>
    private (double? Score, string? Note) Score(EvalBinding eval, int sample, object? output, object?[] arguments, bool fromCandidate, string? note)
    {
        var side = fromCandidate ? "candidate" : "baseline";
        try
        {
            object?[] evalArguments;
            if (_baseline.Pin.ReturnsValue)
            {
                var inputs = BaselineArguments(sample);
                evalArguments = [.. inputs, fromCandidate ? ToBaseline(output, _candidate.Pin.ResultType!, eval.ParameterTypes[^1]) : output];
            }
            else
            {
                evalArguments = fromCandidate
                    ? [.. arguments.Select((value, i) => ToBaseline(value, _candidate.Pin.ParameterTypes[i], eval.ParameterTypes[i]))]
                    : arguments;
            }

            return (eval.Score(evalArguments), note);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, note ?? $"the eval of the {side}'s output threw {e.GetType().FullName}: {Shorten(e.Message, 200)}");
        }
    }

    private object? ToBaseline(object? value, Type candidateType, Type baselineType) =>
        value is null || baselineType.IsInstanceOfType(value)
            ? value
            : _baseline.Json.Deserialize(_candidate.Json.Serialize(value, candidateType), baselineType);

    private static long ToNs(long ticks) => (long)(ticks * NsPerTick);

    private static ulong Mix(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash ^= (value >> (8 * i)) & 0xFF;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
