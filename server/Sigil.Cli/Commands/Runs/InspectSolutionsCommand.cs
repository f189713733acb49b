using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Runs.Inspection;
using Sigil.Workspace.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Runs;

/// <summary><c>sigil inspect-solutions SPEC</c>: workspace | summary | eval_function | score, as in the spec.</summary>
[Description("List a spec's candidates: workspace | pin | summary | eval_function | score ± CI | speedup (CI) | holdout")]
public sealed class InspectSolutionsCommand : Command<InspectSolutionsCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The spec.</summary>
        [CommandArgument(0, "<SPEC>")]
        [Description("The spec whose solutions to list")]
        public string Spec { get; init; } = "";

        /// <summary>Only this workspace.</summary>
        [CommandOption("--name <WS>")]
        [Description("Only this workspace")]
        public string? Name { get; init; }

        /// <summary>Rows per workspace and pin.</summary>
        [CommandOption("--top <N>")]
        [Description("Best N candidates per workspace and pin (default 5; 0 for all)")]
        public int Top { get; init; } = 5;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Spec) ? ValidationResult.Error("SPEC is empty: e.g. 'sigil inspect-solutions quickstart'.")
            : Top < 0 ? ValidationResult.Error($"--top {Top}: expected 0 (all) or a positive number.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        using var store = LiteDbWorkspaceStore.Open(paths.SigilDirectory);
        var usage = ServedUsage.Read(paths.SigilDirectory);
        var rows = SolutionsReport.Build(store, settings.Spec, settings.Name, settings.Top, usage.Calls);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                spec = settings.Spec,
                solutions = rows.Select(r => new
                {
                    workspace = r.Workspace, pin = r.Pin, function_id = r.FunctionId, candidate = r.Candidate, summary = r.Summary,
                    eval_function = r.EvalFunction, correct = r.Correct, error_class = r.ErrorClass, holdout_accepted = r.HoldoutAccepted,
                    metrics = r.Metrics, created_at = r.CreatedAt, served_calls = r.ServedCalls,
                }),
            });
            return 0;
        }
        var table = CliConsole.NewTable("workspace", "pin", "candidate", "summary", "eval_function", "score", "speedup", "holdout", "served");
        foreach (var r in rows)
        {
            var holdout = r.HoldoutAccepted switch { true => "[green]accepted[/]", false => "[yellow]rejected[/]", null => "[grey]—[/]" };
            var speed = r.Correct ? Markup.Escape(MetricText.Speedup(r.Metrics)) : $"[red]{Markup.Escape(r.ErrorClass ?? "incorrect")}[/]";
            table.AddRow(new Text(r.Workspace), new Text(r.Pin), new Text(r.Candidate["diff://b3:".Length..][..12]), new Text(r.Summary),
                new Text(r.EvalFunction), new Text(MetricText.Score(r.Metrics)), new Markup(speed), new Markup(holdout),
                new Markup(r.ServedCalls > 0 ? $"[green]{r.ServedCalls:N0} calls[/]" : "[grey]—[/]"));
        }
        CliConsole.Out.Write(table);
        if (usage.Skipped > 0)
        {
            CliConsole.Hint($"{usage.Skipped} of {usage.Files} usage file(s) in .sigil/resolver/usage could not be read and were left out of 'served'.");
        }
        return 0;
    }
}
