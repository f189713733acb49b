using System.ComponentModel;
using System.Globalization;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Tracking.Query;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands;

/// <summary><c>sigil inspect-samples SPEC</c>: the tracked calls of a spec's pins.</summary>
[Description("Show the tracked samples of a spec: workspace | sample | eval_function | score")]
public sealed class InspectSamplesCommand : Command<InspectSamplesCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The spec.</summary>
        [CommandArgument(0, "<SPEC>")]
        [Description("The spec whose samples to show")]
        public string Spec { get; init; } = "";

        /// <summary>How many of the newest samples.</summary>
        [CommandOption("-n|--last <N>")]
        [Description("Show only the newest N samples (default 20; 0 for all)")]
        public int Last { get; init; } = 20;

        /// <summary>A FunctionID or its prefix.</summary>
        [CommandOption("-f|--function <ID>")]
        [Description("Only samples of this FunctionID (or an id prefix)")]
        public string? Function { get; init; }

        /// <summary>Only samples at or after this time.</summary>
        [CommandOption("--since <TIME>")]
        [Description("Only samples at or after this UTC time (ISO 8601)")]
        public string? Since { get; init; }

        /// <summary>Re-run the query at a stored snapshot.</summary>
        [CommandOption("--snapshot <ID>")]
        [Description("Read the log as of a snapshot id (snap://b3:...) printed by an earlier --json query")]
        public string? Snapshot { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Spec))
            {
                return ValidationResult.Error("SPEC is empty: name the spec, e.g. 'sigil inspect-samples quickstart'.");
            }
            if (Last < 0)
            {
                return ValidationResult.Error($"--last {Last}: expected 0 (all) or a positive number.");
            }
            if (Since is not null && !DateTimeOffset.TryParse(Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                return ValidationResult.Error($"--since '{Since}' is not a time; use ISO 8601, e.g. 2026-11-25T12:00:00Z.");
            }
            return ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var log = SampleLog.Open(paths.SigilDirectory);
        var query = new SampleQuery
        {
            Spec = settings.Spec,
            Function = settings.Function,
            Since = settings.Since is null ? null : DateTimeOffset.Parse(settings.Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Last = settings.Last == 0 ? null : settings.Last,
            Snapshot = settings.Snapshot is null ? null : LogSnapshot.Load(paths.SigilDirectory, settings.Snapshot),
        };
        var result = log.Query(query);
        if (result.Records.Count == 0)
        {
            var others = log.Query(new SampleQuery { Snapshot = result.Snapshot }).Records.Select(r => r.Spec).Distinct().Order().ToList();
            if (others.Count > 0 && !others.Contains(settings.Spec))
            {
                throw new SigilProjectException($"No samples for spec '{settings.Spec}'. Specs with samples: {string.Join(", ", others)}.");
            }
        }
        var snapshotId = result.Snapshot.Save(paths.SigilDirectory);
        if (settings.Json)
        {
            CliConsole.Json(new { spec = settings.Spec, snapshot = snapshotId, sample_set_hash = result.SampleSetHash, count = result.Records.Count, records = result.Records });
            return 0;
        }
        if (result.Records.Count == 0)
        {
            CliConsole.Line($"No samples for spec '{Markup.Escape(settings.Spec)}' yet: run 'sigil tracker start', then exercise your app.");
            return 0;
        }
        var table = CliConsole.NewTable("workspace", "sample", "eval_function", "score", "latency", "time (UTC)");
        foreach (var record in result.Records)
        {
            table.AddRow(new Text(record.Workspace), new Text(SampleFormatter.Inputs(record)), new Text(record.EvalFunction),
                new Text(SampleFormatter.Score(record.Metrics.Score)), new Text(SampleFormatter.Latency(record.Metrics.LatencyNanoseconds)),
                new Text(record.Timestamp.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)));
        }
        CliConsole.Out.Write(table);
        CliConsole.Line($"[grey]{result.Records.Count} samples · snapshot {Markup.Escape(snapshotId)}[/]");
        if (result.TornSegments.Count > 0)
        {
            CliConsole.Hint($"note: skipped an incomplete last record in {string.Join(", ", result.TornSegments)} (a writer was killed, or is still writing).");
        }
        return 0;
    }
}
