using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Workspace.Archive;
using Sigil.Workspace.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Workspace;

/// <summary><c>sigil workspace export FILE</c>.</summary>
[Description("Write the project's workspace to a .tar.gz with a digest for every entry")]
public sealed class WorkspaceExportCommand : Command<ArchiveSettings>
{
    /// <inheritdoc />
    protected override int Execute(CommandContext context, ArchiveSettings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var target = Path.GetFullPath(settings.File);
        if (File.Exists(target))
        {
            throw new SigilProjectException($"{target} already exists; choose another file name (export never overwrites).");
        }
        using var store = LiteDbWorkspaceStore.Open(paths.SigilDirectory);
        var result = WorkspaceArchive.Export(store, target);
        if (settings.Json)
        {
            CliConsole.Json(result);
            return 0;
        }
        CliConsole.Line($"Exported {result.Candidates} candidates ({result.Memberships} workspace memberships), {result.Evaluations} evaluations, {result.Artifacts} artifacts to [bold]{Markup.Escape(target)}[/].");
        return 0;
    }
}
