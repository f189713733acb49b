using System.Globalization;
using Sigil.Runs;
using Spectre.Console;

namespace Sigil.Cli.Output;

/// <summary>Prints what a run found: per pin, trials, the best candidate, its speedup with CI and the holdout verdict.</summary>
public static class RunSummaryView
{
    /// <summary>Writes <paramref name="result"/> as a table (or JSON).</summary>
    public static void Write(RunResult result, bool json)
    {
        if (json)
        {
            CliConsole.Json(new
            {
                spec = result.Spec,
                workspace = result.Workspace,
                optimizer = result.Optimizer,
                isolation = result.Isolation,
                spent_usd = result.SpentUsd,
                spent_tokens = result.SpentTokens,
                materialized = result.MaterializedFolder,
                pins = result.Pins.Select(p => new
                {
                    pin = p.Pin, function_id = p.FunctionId, run_id = p.RunId, trials = p.Trials, resumed = p.Resumed, evaluated = p.Evaluated,
                    baseline_fitness = p.BaselineFitness, best_candidate = p.BestCandidate, best_fitness = p.BestFitness,
                    accepted = p.Accepted, verdict = p.Verdict, sample_set = p.SampleSet, visible_samples = p.Samples.Visible,
                    holdout_samples = p.Samples.Holdout, stop = p.StopReason, metrics = p.BestMetrics,
                }),
            });
            return;
        }
        CliConsole.Line($"[grey]{Markup.Escape(result.Isolation)}[/]");
        var table = CliConsole.NewTable("pin", "trials", "best candidate", "speedup", "score", "holdout");
        foreach (var p in result.Pins)
        {
            var id = p.BestCandidate is { } c ? c["diff://b3:".Length..][..12] : "baseline";
            var verdict = p.Accepted ? "[green]accepted[/]" : "[yellow]not confirmed[/]";
            table.AddRow(new Text(p.Pin), new Text($"{p.Trials}" + (p.Resumed > 0 ? $" ({p.Resumed} resumed)" : "")), new Text(id),
                new Text(MetricText.Speedup(p.BestMetrics)), new Text(MetricText.Score(p.BestMetrics)), new Markup(verdict));
        }
        CliConsole.Out.Write(table);
        foreach (var p in result.Pins)
        {
            CliConsole.Line($"[bold]{Markup.Escape(p.Pin)}[/]: {Markup.Escape(p.Verdict)} [grey]({p.Samples.Visible} samples searched, {p.Samples.Holdout} held out; {Markup.Escape(p.RunId)})[/]");
        }
        if (result.SpentTokens > 0)
        {
            CliConsole.Line($"spent {result.SpentTokens:N0} tokens, ${result.SpentUsd.ToString("0.####", CultureInfo.InvariantCulture)}");
        }
        if (result.MaterializedFolder is { } folder)
        {
            CliConsole.Line($"best code: [bold]{Markup.Escape(folder)}[/]; see a candidate with 'sigil show ID', all with 'sigil inspect-solutions {Markup.Escape(result.Spec)}'.");
        }
    }
}
