using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Tracking.Control;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Tracker;

/// <summary>Shared output of the tracker commands.</summary>
public abstract class TrackerCommandBase : Command<ProjectSettings>
{
    /// <summary>Performs the command's action on the project's .sigil directory.</summary>
    protected abstract TrackerStatus Act(string sigilDirectory);

    /// <inheritdoc />
    protected override int Execute(CommandContext context, ProjectSettings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var status = Act(paths.SigilDirectory);
        if (settings.Json)
        {
            CliConsole.Json(status);
            return 0;
        }
        var state = status.Enabled ? "[green]on[/]" : "[grey]off[/]";
        var changed = status.ChangedAt is { } at ? $" since {at:yyyy-MM-dd HH:mm:ss}Z" : "";
        CliConsole.Line($"Tracker {state}{Markup.Escape(changed)} — {status.Records} records in {status.Segments} segments" +
            (status.LastRecordAt is { } last ? Markup.Escape($", newest {last:yyyy-MM-dd HH:mm:ss.fff}Z") : "") + ".");
        return 0;
    }
}
