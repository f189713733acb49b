using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Projects.Config;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Config;

/// <summary><c>sigil config get KEY</c>.</summary>
[Description("Print one setting")]
public sealed class ConfigGetCommand : Command<ConfigGetCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The key.</summary>
        [CommandArgument(0, "<KEY>")]
        [Description("The setting, e.g. llm.model")]
        public string Key { get; init; } = "";
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var value = ConfigStore.Get(ConfigStore.Load(paths), settings.Key);
        if (settings.Json)
        {
            CliConsole.Json(new Dictionary<string, string?> { [settings.Key] = value });
        }
        else
        {
            Console.Out.WriteLine(value ?? "");
        }
        return 0;
    }
}
