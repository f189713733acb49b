using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Workspace;

/// <summary><c>sigil workspace import FILE</c>: verifies every digest first; a tampered archive changes nothing.</summary>
[Description("Import a workspace tarball after verifying every digest (a tampered archive changes nothing)")]
public sealed class WorkspaceImportCommand : Command<ArchiveSettings>
{
    /// <inheritdoc />
    protected override int Execute(CommandContext context, ArchiveSettings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var source = Path.GetFullPath(settings.File);
        if (!File.Exists(source))
        {
            throw new SigilProjectException($"{source} does not exist; pass the .tar.gz written by 'sigil workspace export'.");
        }
        using var store = LiteDbWorkspaceStore.Open(paths.SigilDirectory);
        var result = WorkspaceArchive.Import(store, source);
        if (settings.Json)
        {
            CliConsole.Json(result);
            return 0;
        }
        CliConsole.Line($"Imported from [bold]{Markup.Escape(source)}[/]: {result.Added} new entries " +
            $"({result.CandidatesAdded} candidates, {result.EvaluationsAdded} evaluations, {result.ArtifactsAdded} artifacts), {result.AlreadyPresent} already present.");
        return 0;
    }
}
