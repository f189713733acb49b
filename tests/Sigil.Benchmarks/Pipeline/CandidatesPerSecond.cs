using System.Diagnostics;
using System.Globalization;
using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Benchmarks.Pipeline;

/// <summary>
/// <c>--candidates-per-second</c>: how many distinct candidates of a small pin a warm pipeline compiles, evaluates in the
/// sandbox (paired rounds over 1,000 samples) and judges per second, one after another as a run does. Per stage (rounds
/// setting), after a warm-up, <c>repeats</c> batches of <c>candidates</c> are timed end to end; each candidate's time is
/// split into compile, sandbox (of which: the worker's warm-up + rounds, and of that the timed calls themselves) and
/// the acceptance rule. Two reference rows come from the same run: a fixed-cost evaluation (1 round of 1 sample: load,
/// collections, protocol) and the API policy check alone.
/// </summary>
internal static class CandidatesPerSecond
{
    public static async Task<int> RunAsync(PipelineOptions options, TextWriter log)
    {
        await using var pipeline = await QuickStartPipeline.OpenAsync(options.Pin, options.Samples, options.SampleSeed, log);
        var rows = new List<Row>();
        long tag = 1;

        // Warm the host (Roslyn's emit path, the protocol, the policy checker) and the worker before anything is timed.
        for (var i = 0; i < options.Warmup; i++)
        {
            await OneAsync(pipeline, "warmup", 3, null, tag++, options, cascade: false);
        }

        var stages = new List<(string Name, int Rounds, IReadOnlyList<int>? Indices, bool Cascade)>
        {
            ("fixed cost: 1 round × 1 sample", 1, [0], false),
        };
        stages.AddRange(options.Rounds.Select(r => ($"{r} round{(r == 1 ? "" : "s")} × {pipeline.Context.Samples.Count} samples", r, (IReadOnlyList<int>?)null, false)));
        if (options.Cascade)
        {
            stages.Add(("cascade 3 rounds × 8 samples, then 30 × all", 30, null, true));
        }
        // Each stage with each compile path in turn (method only, as a run compiles a pin-only change; the whole project).
        bool[] paths = options.Compile switch { "method" => [true], "whole" => [false], _ => [true, false] };
        stages = [.. stages.SelectMany(s => paths.Select(methodOnly => (Label(methodOnly) + s.Name, s.Rounds, s.Indices, s.Cascade)))];

        var summaries = new List<Summary>();
        foreach (var stage in stages)
        {
            pipeline.UseMethodOnly = stage.Name.StartsWith(Label(true), StringComparison.Ordinal);
            for (var i = 0; i < 3; i++)
            {
                await OneAsync(pipeline, stage.Name, stage.Rounds, stage.Indices, tag++, options, stage.Cascade);
            }
            var throughputs = new List<double>();
            var stageRows = new List<Row>();
            for (var repeat = 0; repeat < options.Repeats; repeat++)
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < options.Candidates; i++)
                {
                    stageRows.Add(await OneAsync(pipeline, stage.Name, stage.Rounds, stage.Indices, tag++, options, stage.Cascade) with { Repeat = repeat });
                }
                throughputs.Add(options.Candidates / watch.Elapsed.TotalSeconds);
            }
            rows.AddRange(stageRows);
            summaries.Add(new Summary(stage.Name, throughputs, stageRows));
            log.WriteLine($"# {stage.Name}: {string.Join(", ", throughputs.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))} candidates/s");
        }

        // The API policy check alone (it is part of every sandbox time above).
        var image = pipeline.Compile(pipeline.CandidateSource(tag++, 0));
        var job = pipeline.Job(image, 1, 0);
        var policy = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            ApiPolicyChecker.Check(image.Image, job.Policy, job.IsChangedCode);
            policy.Add(watch.Elapsed.TotalMilliseconds);
        }

        Print(log, pipeline, options, summaries, Median(policy));
        if (options.CsvPath is { } csv)
        {
            File.WriteAllLines(csv, ["stage,repeat,total_ms,compile_ms,sandbox_ms,worker_ms,timed_calls_ms,decide_ms,speedup,accepted",
                .. rows.Select(r => string.Join(',', Quote(r.Stage), r.Repeat, F(r.TotalMs), F(r.CompileMs), F(r.SandboxMs), F(r.WorkerMs), F(r.TimedCallsMs), F(r.DecideMs),
                    r.Speedup is { } s ? F(s) : "", r.Accepted is { } a ? (a ? "1" : "0") : ""))]);
            log.WriteLine($"# per-candidate rows written to {csv}");
        }
        return 0;
    }

    private static async Task<Row> OneAsync(QuickStartPipeline pipeline, string stage, int rounds, IReadOnlyList<int>? indices, long tag, PipelineOptions options, bool cascade)
    {
        var total = Stopwatch.StartNew();
        var compile = Stopwatch.StartNew();
        var image = pipeline.Compile(pipeline.CandidateSource(tag, (int)(tag % 4)));
        var compileMs = compile.Elapsed.TotalMilliseconds;
        double sandboxMs = 0, workerMs = 0, timedMs = 0, decideMs = 0;
        AcceptanceDecision? decision = null;
        if (cascade)
        {
            var quickIndices = Enumerable.Range(0, Math.Min(8, pipeline.Context.Samples.Count)).ToList();
            var (quick, early, quickDecide) = await pipeline.EvaluateAsync(pipeline.Job(image, 3, options.Seed, quickIndices));
            Add(quick, quickDecide);
            // PinEvaluator: stop after the cascade when the candidate is infeasible or far slower (speedup < 0.5).
            var feasible = early!.Accepted || early.FailureKind == FailureKinds.NotImproved;
            if (!feasible || (early.Timing?.Speedup ?? 0) < 0.5)
            {
                decision = early;
                return Done();
            }
        }
        var (result, full, decide) = await pipeline.EvaluateAsync(pipeline.Job(image, rounds, options.Seed, indices));
        Add(result, decide);
        decision = full;
        return Done();

        void Add(SandboxResult r, TimeSpan d)
        {
            sandboxMs += r.Elapsed.TotalMilliseconds;
            workerMs += r.WorkerElapsed.TotalMilliseconds;
            timedMs += (r.BaselineRoundNs.Sum() + r.CandidateRoundNs.Sum()) / 1e6;
            decideMs += d.TotalMilliseconds;
        }

        Row Done() => new(stage, 0, total.Elapsed.TotalMilliseconds, compileMs, sandboxMs, workerMs, timedMs, decideMs, decision?.Timing?.Speedup, decision?.Accepted);
    }

    private static void Print(TextWriter log, QuickStartPipeline pipeline, PipelineOptions options, List<Summary> summaries, double policyMs)
    {
        log.WriteLine();
        log.WriteLine("Machine at the end: " + QuickStartPipeline.Machine() + ".");
        log.WriteLine($"Pin QuickStart.Kernels.{options.Pin}, {pipeline.Context.Samples.Count} samples, {options.Repeats} batches × {options.Candidates} distinct candidates per stage, sequential (compile → sandbox → rule).");
        log.WriteLine($"Isolation: {pipeline.Pool.Isolation.Summary}. Session open + baseline compile {pipeline.OpenElapsed.TotalMilliseconds:F0} ms, worker start + prepare {pipeline.PrepareElapsed.TotalMilliseconds:F0} ms (not in the figures).");
        log.WriteLine();
        log.WriteLine("| Stage | Candidates/s mean | median | min–max | vs 20/s | Compile ms | Sandbox ms | of which worker run ms | of which timed calls ms | Rule ms | Per candidate ms |");
        log.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in summaries)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Stage} | {s.Throughputs.Average():F1} | {Median(s.Throughputs):F1} | {s.Throughputs.Min():F1}–{s.Throughputs.Max():F1} | {Median(s.Throughputs) / 20:F2} | "
                + $"{Median(s.Rows.Select(r => r.CompileMs)):F1} | {Median(s.Rows.Select(r => r.SandboxMs)):F1} | {Median(s.Rows.Select(r => r.WorkerMs)):F1} | "
                + $"{Median(s.Rows.Select(r => r.TimedCallsMs)):F1} | {Median(s.Rows.Select(r => r.DecideMs)):F2} | {Median(s.Rows.Select(r => r.TotalMs)):F1} |"));
        }
        log.WriteLine();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API policy check alone (inside every sandbox time): {policyMs:F2} ms median over 50."));
        foreach (var s in summaries.Where(s => s.Rows.Any(r => r.Speedup is not null)))
        {
            var decided = s.Rows.Where(r => r.Accepted is not null).ToList();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Stage}: median speedup {Median(decided.Select(r => r.Speedup ?? double.NaN)):F3}, accepted {decided.Count(r => r.Accepted == true)} of {decided.Count}."));
        }
    }

    private static string Label(bool methodOnly) => methodOnly ? "method-only compile, " : "whole-project compile, ";

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Row(string Stage, int Repeat, double TotalMs, double CompileMs, double SandboxMs, double WorkerMs, double TimedCallsMs, double DecideMs, double? Speedup, bool? Accepted);

    private sealed record Summary(string Stage, List<double> Throughputs, List<Row> Rows);
}
