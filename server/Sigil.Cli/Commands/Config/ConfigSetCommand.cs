using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Projects.Config;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Config;

/// <summary><c>sigil config set KEY VALUE</c>: validates, then writes sigil.json atomically.</summary>
[Description("Change one setting (validated; nothing is written on a bad value)")]
public sealed class ConfigSetCommand : Command<ConfigSetCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The key.</summary>
        [CommandArgument(0, "<KEY>")]
        [Description("The setting, e.g. llm.base_url")]
        public string Key { get; init; } = "";

        /// <summary>The new value.</summary>
        [CommandArgument(1, "<VALUE>")]
        [Description("Its new value")]
        public string Value { get; init; } = "";
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var updated = ConfigStore.Set(ConfigStore.Load(paths), settings.Key, settings.Value);
        ConfigStore.Save(paths, updated);
        if (settings.Json)
        {
            CliConsole.Json(new Dictionary<string, string?> { [settings.Key] = ConfigStore.Get(updated, settings.Key) });
        }
        else
        {
            CliConsole.Line($"{Markup.Escape(settings.Key)} = {Markup.Escape(ConfigStore.Get(updated, settings.Key) ?? "")}");
        }
        return 0;
    }
}
