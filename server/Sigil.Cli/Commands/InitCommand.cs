using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands;

/// <summary><c>sigil init</c>: makes the current (or given) folder a Sigil project.</summary>
[Description("Create sigil.json and .sigil/ in a project folder (never overwrites)")]
public sealed class InitCommand : Command<ProjectSettings>
{
    /// <inheritdoc />
    protected override int Execute(CommandContext context, ProjectSettings settings, CancellationToken cancellationToken)
    {
        var result = ProjectInitializer.Init(settings.Project ?? Environment.CurrentDirectory);
        using (Sigil.Workspace.Store.LiteDbWorkspaceStore.Open(result.Paths.SigilDirectory))
        {
        }
        if (settings.Json)
        {
            CliConsole.Json(new { project_directory = result.Paths.ProjectDirectory, created = result.Created, project_file = result.ProjectFile });
            return 0;
        }
        var where = Markup.Escape(result.Paths.ProjectDirectory);
        CliConsole.Line(result.Created
            ? $"Initialized Sigil in [bold]{where}[/] (sigil.json, .sigil/)."
            : $"{where} is already a Sigil project; nothing changed.");
        if (result.ProjectFile is null)
        {
            CliConsole.Hint("No single .csproj found here: set it with 'sigil config set project NAME.csproj'.");
        }
        if (result.Created)
        {
            CliConsole.Line("Next: mark a method with [[Improve]], then 'sigil tracker start' and run your app.");
        }
        return 0;
    }
}
