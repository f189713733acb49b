using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands;

/// <summary>Options every project command takes.</summary>
public class ProjectSettings : CommandSettings
{
    /// <summary>The project folder (default: the nearest folder with sigil.json at or above the current one).</summary>
    [CommandOption("-p|--project <DIR>")]
    [Description("Project folder (default: nearest folder with sigil.json at or above the current one)")]
    public string? Project { get; init; }

    /// <summary>Print JSON instead of a table.</summary>
    [CommandOption("--json")]
    [Description("Print JSON for scripts instead of a table")]
    public bool Json { get; init; }
}
