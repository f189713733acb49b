using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Projects.Config;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Config;

/// <summary><c>sigil config [list]</c>.</summary>
[Description("List every setting of sigil.json with its value")]
public sealed class ConfigListCommand : Command<ProjectSettings>
{
    /// <inheritdoc />
    protected override int Execute(CommandContext context, ProjectSettings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var values = ConfigStore.List(ConfigStore.Load(paths));
        if (settings.Json)
        {
            CliConsole.Json(values);
            return 0;
        }
        var table = CliConsole.NewTable("key", "value", "accepts");
        foreach (var (key, value) in values)
        {
            table.AddRow(new Text(key), new Text(value ?? "(unset)"), new Text(ConfigStore.Keys[key]));
        }
        CliConsole.Out.Write(table);
        return 0;
    }
}
