using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Runs.Inspection;
using Sigil.Workspace.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Runs;

/// <summary><c>sigil show CANDIDATE</c>: a candidate's diff, lineage, provenance and evaluations.</summary>
[Description("Show a candidate: its diff against its parent, provenance and evaluations")]
public sealed class ShowCommand : Command<ShowCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The candidate: diff://b3:… or a unique prefix of its digest.</summary>
        [CommandArgument(0, "<CANDIDATE>")]
        [Description("diff://b3:<digest> or a unique prefix of the digest (at least 6 hex digits)")]
        public string Candidate { get; init; } = string.Empty;
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        using var store = LiteDbWorkspaceStore.Open(paths.SigilDirectory);
        var candidate = CandidateLookup.Resolve(store, settings.Candidate);
        var evaluations = store.ListEvaluations(candidate.Id);
        var memberships = store.ListMemberships(candidate.Id);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                id = candidate.Id.ToString(),
                function_id = candidate.FunctionId.ToString(),
                parent = candidate.Parent?.ToString(),
                workspaces = memberships.Select(m => new { spec = m.Spec, workspace = m.Workspace, summary = m.Summary, created_at = m.CreatedAt, provenance = m.Provenance }),
                diff = candidate.Diff,
                ast_patch = candidate.AstPatch,
                evaluations = evaluations.Select(e => new
                {
                    id = e.Id, evaluator = e.Evaluator, version = e.EvaluatorVersion, sample_set = e.SampleSetDigest,
                    correct = e.Correct, error_class = e.ErrorClass, metrics = e.Metrics, created_at = e.CreatedAt,
                }),
            });
            return 0;
        }
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Text("candidate", new Style(decoration: Decoration.Bold)), new Text(candidate.Id.ToString()));
        grid.AddRow(new Text("function"), new Text(candidate.FunctionId.ToString()));
        grid.AddRow(new Text("parent"), new Text(candidate.Parent?.ToString() ?? "baseline"));
        foreach (var m in memberships)
        {
            var model = m.Provenance.Model is null ? "" : $", model {m.Provenance.Model}";
            grid.AddRow(new Text($"{m.Spec}/{m.Workspace}"), new Text($"{m.Summary} — {m.Provenance.Optimizer ?? "?"} via {m.Provenance.GeneratorKind}{model}, {m.CreatedAt:u}"));
        }
        foreach (var e in evaluations)
        {
            var verdict = e.Correct ? "correct" : $"not correct{(e.ErrorClass is null ? "" : $" ({e.ErrorClass})")}";
            grid.AddRow(new Text($"{e.Evaluator}"), new Text($"{verdict}; {MetricText.Summary(e.Metrics)}"));
        }
        CliConsole.Out.Write(grid);
        CliConsole.Out.WriteLine();
        DiffWriter.Write(candidate.Diff);
        return 0;
    }
}
