using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Projects.Config;
using Sigil.Runs.Inspection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Runs;

/// <summary><c>sigil compare SPEC WS [CANDIDATE]</c>: fresh paired trials against the baseline, with confidence intervals.</summary>
[Description("Compare candidates with the baseline in fresh paired, interleaved trials on every tracked call (speedup and score with CI)")]
public sealed class CompareCommand : AsyncCommand<CompareCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The spec.</summary>
        [CommandArgument(0, "<SPEC>")]
        [Description("The spec")]
        public string Spec { get; init; } = "";

        /// <summary>The workspace.</summary>
        [CommandArgument(1, "<WS>")]
        [Description("The workspace")]
        public string Workspace { get; init; } = "";

        /// <summary>The candidate.</summary>
        [CommandArgument(2, "[CANDIDATE]")]
        [Description("A candidate id or digest prefix (default: each pin's best correct candidate)")]
        public string? Candidate { get; init; }

        /// <summary>Rounds.</summary>
        [CommandOption("--rounds <N>")]
        [Description("Interleaved paired rounds (default 100, as a run's acceptance check)")]
        public int Rounds { get; init; } = 100;

        /// <summary>Seed.</summary>
        [CommandOption("--seed <S>")]
        [Description("Seed of the interleaving (default 1)")]
        public long Seed { get; init; } = 1;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Spec) || string.IsNullOrWhiteSpace(Workspace)
                ? ValidationResult.Error("Name the spec and the workspace, e.g. 'sigil compare quickstart v1'.")
                : Rounds < 3 ? ValidationResult.Error($"--rounds {Rounds}: paired statistics need at least 3.") : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var projectFile = ConfigStore.Load(paths).Project
            ?? throw new SigilProjectException("sigil.json names no project file; run 'sigil config set project NAME.csproj'.");
        var comparisons = await new CompareService().CompareAsync(new CompareRequest
        {
            ProjectFile = Path.Combine(paths.ProjectDirectory, projectFile),
            SigilDirectory = paths.SigilDirectory,
            Spec = settings.Spec,
            Workspace = settings.Workspace,
            Candidate = settings.Candidate,
            Rounds = settings.Rounds,
            Seed = settings.Seed,
        }, null, cancellationToken, settings.Json || Console.IsErrorRedirected ? null : new Progress<string>(step => CliConsole.Hint(step + "…"))).ConfigureAwait(false);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                spec = settings.Spec,
                workspace = settings.Workspace,
                comparisons = comparisons.Select(c => new { pin = c.Pin, candidate = c.Candidate, samples = c.Samples, correct = c.Correct, improved = c.Improved, verdict = c.Verdict, metrics = c.Metrics }),
            });
            return 0;
        }
        var table = CliConsole.NewTable("pin", "candidate", "samples", "correct", "speedup (95% CI)", "p50 base → cand", "p99 base → cand", "score");
        foreach (var c in comparisons)
        {
            var m = c.Metrics;
            table.AddRow(new Text(c.Pin), new Text(c.Candidate["diff://b3:".Length..][..12]), new Text(c.Samples.ToString()),
                new Markup(c.Correct ? "[green]yes[/]" : "[red]no[/]"), new Text(MetricText.Speedup(m)),
                new Text($"{Ns(m, "baseline_p50_ns")} → {Ns(m, "p50_ns")}"), new Text($"{Ns(m, "baseline_p99_ns")} → {Ns(m, "p99_ns")}"),
                new Text(MetricText.Score(m)));
        }
        CliConsole.Out.Write(table);
        foreach (var c in comparisons)
        {
            CliConsole.Line($"{(c.Improved ? "[green]improved[/]" : "[yellow]not shown to be better[/]")} {Markup.Escape(c.Pin)}: {Markup.Escape(c.Verdict)}");
        }
        return 0;
    }

    private static string Ns(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var value) ? MetricText.Ns(value) : "—";
}
