using System.Diagnostics;
using System.Globalization;
using Sigil.Evaluation.Measurement;

namespace Sigil.Benchmarks.Pipeline;

/// <summary>
/// <c>--acceptance</c>: the acceptance rule's error rates on real sandbox timing. Against the real QuickStart baseline
/// (Root: 40 Newton steps), two kinds of candidates, each a fresh compile (a distinct comment and loop variable) so that
/// every evaluation loads, JITs and tiers a new image exactly as in a run:
/// <list type="bullet">
/// <item>identical (40 steps): the A/A check; every acceptance is a false win (target ≤ 5%);</item>
/// <item>faster (<c>--faster-steps</c>, default 38 = 0.95 × 40 steps): its true speedup is first measured with long
/// evaluations (many rounds), then the share of default evaluations that accept it is the detection rate (target ≥ 90%).</item>
/// </list>
/// The two kinds alternate, so machine drift touches both alike. Each evaluation also runs the run's cascade stage first
/// (3 rounds × 8 samples, as AlphaEvolve asks), to see how often the cascade would drop the candidate (speedup &lt; 0.5).
/// </summary>
internal static class AcceptanceCheck
{
    private const int BaselineSteps = 40;

    /// <summary>A timed call longer than this (a Root call takes well under 1 µs) was interrupted or descheduled.</summary>
    private const long LongCallNs = 10_000;

    public static async Task<int> RunAsync(PipelineOptions options, TextWriter log)
    {
        if (options.Pin != PinKind.Root)
        {
            log.WriteLine("# note: the faster candidate is defined for Root only; with SumOfSquares only the A/A check runs.");
        }
        await using var pipeline = await QuickStartPipeline.OpenAsync(options.Pin, options.Samples, options.SampleSeed, log);
        // As a run compiles these candidates (the method alone), unless --compile whole.
        pipeline.UseMethodOnly = options.Compile != "whole";
        pipeline.UseBaselineMethod = !options.AppBaseline;
        log.WriteLine("# compile path: " + (pipeline.UseMethodOnly ? "method only" : "whole project") + "; baseline side: "
            + (pipeline.UseMethodOnly && pipeline.UseBaselineMethod ? "its method compiled alike, loaded fresh per evaluation" : "the app's copy"));
        long tag = 1;
        var total = Stopwatch.StartNew();

        for (var i = 0; i < options.Warmup; i++)
        {
            await EvaluateAsync(pipeline, Source(pipeline, tag++, BaselineSteps), options.EvaluationRounds, i, cascade: true);
        }

        // 1. The faster candidate's true ratio: long evaluations (and, for scale, the code alone in this process).
        var verify = new List<(Outcome Same, Outcome Faster)>();
        if (options.Pin == PinKind.Root)
        {
            for (var i = 0; i < options.VerifyEvaluations; i++)
            {
                var same = await EvaluateAsync(pipeline, Source(pipeline, tag++, BaselineSteps), options.VerifyRounds, 1000 + i, cascade: false);
                var faster = await EvaluateAsync(pipeline, Source(pipeline, tag++, options.FasterSteps), options.VerifyRounds, 1000 + i, cascade: false);
                verify.Add((same, faster));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"# verify {i + 1}: {options.VerifyRounds} rounds: identical {same.Decision.Timing!.Speedup:F4} (geo {same.Decision.Timing.GeometricMeanSpeedup:F4}, long calls b/c {same.LongBaselineCalls}/{same.LongCandidateCalls}), "
                    + $"faster {faster.Decision.Timing!.Speedup:F4} (geo {faster.Decision.Timing.GeometricMeanSpeedup:F4}, long calls b/c {faster.LongBaselineCalls}/{faster.LongCandidateCalls})"));
            }
        }

        // 2. The error rates at the run's rounds.
        var aa = new List<Outcome>();
        var detect = new List<Outcome>();
        for (var i = 0; i < options.Evaluations; i++)
        {
            var seed = options.FixedSeed ? options.Seed : i;
            // Alternate which kind goes first, so neither always follows the other.
            if (i % 2 == 0 || options.Pin != PinKind.Root)
            {
                aa.Add(await EvaluateAsync(pipeline, Source(pipeline, tag++, BaselineSteps), options.EvaluationRounds, seed, cascade: true));
                if (options.Pin == PinKind.Root) detect.Add(await EvaluateAsync(pipeline, Source(pipeline, tag++, options.FasterSteps), options.EvaluationRounds, seed, cascade: true));
            }
            else
            {
                detect.Add(await EvaluateAsync(pipeline, Source(pipeline, tag++, options.FasterSteps), options.EvaluationRounds, seed, cascade: true));
                aa.Add(await EvaluateAsync(pipeline, Source(pipeline, tag++, BaselineSteps), options.EvaluationRounds, seed, cascade: true));
            }
            if ((i + 1) % 25 == 0)
            {
                log.WriteLine($"# {i + 1}/{options.Evaluations}: A/A accepted {aa.Count(o => o.Decision.Accepted)}, faster accepted {detect.Count(o => o.Decision.Accepted)} ({total.Elapsed.TotalSeconds:F0} s)");
            }
        }

        Print(log, pipeline, options, verify, aa, detect, total.Elapsed);
        if (options.CsvPath is { } csv)
        {
            File.WriteAllLines(csv, ["kind,seed,speedup,low,high,geo_mean,verdict,accepted,reason,cascade_speedup,baseline_round_ms,candidate_round_ms,long_baseline_calls,long_candidate_calls",
                .. aa.Select(o => Csv("identical", o)), .. detect.Select(o => Csv("faster", o)),
                .. verify.SelectMany(v => new[] { Csv("verify-identical", v.Same), Csv("verify-faster", v.Faster) })]);
            log.WriteLine($"# per-evaluation rows written to {csv}");
        }
        return 0;
    }

    private static string Source(QuickStartPipeline pipeline, long tag, int steps) =>
        pipeline.Pin == PinKind.Root ? pipeline.CandidateSource(tag, newtonSteps: steps) : pipeline.CandidateSource(tag, variant: 2);

    private static async Task<Outcome> EvaluateAsync(QuickStartPipeline pipeline, string source, int rounds, int seed, bool cascade)
    {
        var image = pipeline.Compile(source);
        double? cascadeSpeedup = null;
        if (cascade)
        {
            var indices = Enumerable.Range(0, Math.Min(8, pipeline.Context.Samples.Count)).ToList();
            var (_, quick, _) = await pipeline.EvaluateAsync(pipeline.Job(image, 3, seed, indices));
            cascadeSpeedup = quick!.Timing?.Speedup;
        }
        var (result, decision, _) = await pipeline.EvaluateAsync(pipeline.Job(image, rounds, seed));
        return new Outcome(seed, decision!, cascadeSpeedup, [.. result.BaselineRoundNs.Select(n => (double)n)], [.. result.CandidateRoundNs.Select(n => (double)n)],
            result.BaselineLatencyNs.Count(n => n > LongCallNs), result.CandidateLatencyNs.Count(n => n > LongCallNs), result.BaselineLatencyNs.Count);
    }

    private static void Print(TextWriter log, QuickStartPipeline pipeline, PipelineOptions options, List<(Outcome Same, Outcome Faster)> verify,
        List<Outcome> aa, List<Outcome> detect, TimeSpan elapsed)
    {
        log.WriteLine();
        log.WriteLine("Machine at the end: " + QuickStartPipeline.Machine() + ".");
        log.WriteLine($"Pin QuickStart.Kernels.{options.Pin}, {pipeline.Context.Samples.Count} samples, {options.EvaluationRounds} rounds per evaluation, "
            + $"seeds {(options.FixedSeed ? "fixed " + options.Seed : "0.." + (options.Evaluations - 1))}, AcceptanceCriteria.Default (95%, 20% trim, min speedup 1.0). "
            + $"Isolation: {pipeline.Pool.Isolation.Summary}. Total {elapsed.TotalMinutes:F1} min.");
        log.WriteLine();

        if (verify.Count > 0)
        {
            var same = PairedTiming.Compare([.. verify.SelectMany(v => v.Same.BaselineRoundNs)], [.. verify.SelectMany(v => v.Same.CandidateRoundNs)]);
            var faster = PairedTiming.Compare([.. verify.SelectMany(v => v.Faster.BaselineRoundNs)], [.. verify.SelectMany(v => v.Faster.CandidateRoundNs)]);
            log.WriteLine($"True ratio ({verify.Count} × {options.VerifyRounds} rounds per kind, pooled; speedup = trimmed geometric mean of per-round ratios [95% interval], untrimmed geometric mean):");
            log.WriteLine();
            log.WriteLine("| Candidate | Rounds | Speedup | 95% interval | Geometric mean | Per-evaluation speedups |");
            log.WriteLine("|---|---:|---:|---|---:|---|");
            log.WriteLine(VerifyRow($"identical ({BaselineSteps} steps)", same, verify.Select(v => v.Same)));
            log.WriteLine(VerifyRow($"faster ({options.FasterSteps} steps)", faster, verify.Select(v => v.Faster)));
            log.WriteLine();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Work ratio of the loops {BaselineSteps}/{options.FasterSteps} = {(double)BaselineSteps / options.FasterSteps:F4}; the worker times each call with its invoke and timestamps, which dilutes it."));
            log.WriteLine();
        }

        log.WriteLine("| Check | Evaluations | Accepted | Rate | 95% interval (Wilson) | Target | Median speedup | Speedup 5th–95th pct | Faster / Inconclusive / Slower |");
        log.WriteLine("|---|---:|---:|---:|---|---|---:|---|---|");
        log.WriteLine(RateRow("A/A (identical code, fresh compile)", aa, "≤ 5%"));
        if (detect.Count > 0) log.WriteLine(RateRow($"5% faster ({options.FasterSteps} vs {BaselineSteps} steps)", detect, "≥ 90%"));
        log.WriteLine();

        var aaSpeedups = aa.Select(o => Math.Log(o.Decision.Timing!.Speedup)).ToArray();
        var mean = aaSpeedups.Average();
        var sd = Math.Sqrt(aaSpeedups.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, aaSpeedups.Length - 1));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A/A speedups: geometric mean {Math.Exp(mean):F4}, spread of log speedup (sd) {sd:F4}; covered by their own 95% interval: {aa.Count(o => o.Decision.Timing!.Interval.Contains(1))} of {aa.Count}."));
        foreach (var (name, outcomes) in new[] { ("identical", aa), ("faster", detect) }.Where(p => p.Item2.Count > 0))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Timed calls over {LongCallNs / 1000} µs (interrupted or descheduled) in the {name} evaluations: baseline {outcomes.Sum(o => o.LongBaselineCalls)}, candidate {outcomes.Sum(o => o.LongCandidateCalls)} of {outcomes.Sum(o => (long)o.Calls)} calls per arm; "
                + $"evaluations where the baseline had more: {outcomes.Count(o => o.LongBaselineCalls > o.LongCandidateCalls)}, fewer: {outcomes.Count(o => o.LongBaselineCalls < o.LongCandidateCalls)}."));
        }
        foreach (var (name, outcomes) in new[] { ("identical", aa), ("faster", detect) }.Where(p => p.Item2.Count > 0))
        {
            var cascades = outcomes.Where(o => o.CascadeSpeedup is not null).Select(o => o.CascadeSpeedup!.Value).ToList();
            if (cascades.Count == 0) continue;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Cascade stage (3 rounds × 8 samples) on the {name} candidate: median speedup {CandidatesPerSecond.Median(cascades):F3} "
                + $"(5th–95th pct {Percentile(cascades, 0.05):F3}–{Percentile(cascades, 0.95):F3}); below 0.5 (dropped by the cascade): {cascades.Count(s => s < 0.5)} of {cascades.Count}."));
        }
        var reasons = aa.Concat(detect).Where(o => !o.Decision.Accepted && o.Decision.FailureKind != FailureKinds.NotImproved).Select(o => o.Decision.Reason).Distinct().Take(5).ToList();
        foreach (var reason in reasons)
        {
            log.WriteLine("Rejected for another reason than timing: " + reason);
        }
    }

    private static string VerifyRow(string name, TimingComparison pooled, IEnumerable<Outcome> outcomes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {pooled.Rounds} | {pooled.Speedup:F4} | [{pooled.Interval.Low:F4}, {pooled.Interval.High:F4}] | {pooled.GeometricMeanSpeedup:F4} | {string.Join(", ", outcomes.Select(o => o.Decision.Timing!.Speedup.ToString("F3", CultureInfo.InvariantCulture)))} |");

    private static string RateRow(string name, List<Outcome> outcomes, string target)
    {
        var n = outcomes.Count;
        var k = outcomes.Count(o => o.Decision.Accepted);
        var (low, high) = Wilson(k, n);
        var speedups = outcomes.Select(o => o.Decision.Timing!.Speedup).ToList();
        var verdicts = outcomes.GroupBy(o => o.Decision.Timing!.Verdict).ToDictionary(g => g.Key, g => g.Count());
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {n} | {k} | {100.0 * k / n:F1}% | [{100 * low:F1}%, {100 * high:F1}%] | {target} | {CandidatesPerSecond.Median(speedups):F4} | "
            + $"{Percentile(speedups, 0.05):F3}–{Percentile(speedups, 0.95):F3} | {verdicts.GetValueOrDefault(TimingVerdict.Faster)} / {verdicts.GetValueOrDefault(TimingVerdict.Inconclusive)} / {verdicts.GetValueOrDefault(TimingVerdict.Slower)} |");
    }

    private static (double Low, double High) Wilson(int k, int n)
    {
        const double z = 1.959964;
        var p = (double)k / n;
        var center = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(sorted.Length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static string Csv(string kind, Outcome o)
    {
        var t = o.Decision.Timing!;
        return string.Join(',', kind, o.Seed.ToString(CultureInfo.InvariantCulture), F(t.Speedup), F(t.Interval.Low), F(t.Interval.High), F(t.GeometricMeanSpeedup),
            t.Verdict, o.Decision.Accepted ? "1" : "0", "\"" + o.Decision.Reason.Replace("\"", "'", StringComparison.Ordinal) + "\"",
            o.CascadeSpeedup is { } c ? F(c) : "", F(o.BaselineRoundNs.Average() / 1e6), F(o.CandidateRoundNs.Average() / 1e6),
            o.LongBaselineCalls.ToString(CultureInfo.InvariantCulture), o.LongCandidateCalls.ToString(CultureInfo.InvariantCulture));
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private sealed record Outcome(int Seed, AcceptanceDecision Decision, double? CascadeSpeedup, double[] BaselineRoundNs, double[] CandidateRoundNs,
        int LongBaselineCalls, int LongCandidateCalls, int Calls);
}
