using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Projects.Config;
using Sigil.Projects.Pins;
using Sigil.Tracking.Query;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands;

/// <summary><c>sigil inspect-pins</c>: the pins of the built project with their FunctionIDs and sample counts.</summary>
[Description("List the project's pins (from its build output) with FunctionIDs and sample counts")]
public sealed class InspectPinsCommand : Command<InspectPinsCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>Read this assembly instead of the project's newest build output.</summary>
        [CommandOption("--assembly <DLL>")]
        [Description("Read this built assembly instead of the project's newest build output")]
        public string? Assembly { get; init; }
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        string assembly;
        if (settings.Assembly is not null)
        {
            assembly = Path.GetFullPath(settings.Assembly);
            if (!File.Exists(assembly))
            {
                throw new SigilProjectException($"--assembly {settings.Assembly}: no such file.");
            }
        }
        else
        {
            var projectFile = ConfigStore.Load(paths).Project
                ?? throw new SigilProjectException("sigil.json names no project file; run 'sigil config set project NAME.csproj' or pass --assembly.");
            var output = BuildOutputLocator.Find(Path.Combine(paths.ProjectDirectory, projectFile));
            assembly = output.AssemblyPath;
            if (output.Stale)
            {
                CliConsole.Hint($"note: sources changed after {Path.GetFileName(assembly)} was built; run 'dotnet build' for current FunctionIDs.");
            }
        }
        var pins = PinCatalogReader.Read(assembly);
        var counts = SampleLog.Open(paths.SigilDirectory).Summarize()
            .SelectMany(segment => segment.CallsByFunction)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var rows = pins.Select(p => new
        {
            function_id = p.FunctionId,
            spec = p.Spec,
            workspace = p.Workspace,
            eval_function = p.Eval,
            source = $"{p.SourceFile}:{p.SourceLine}",
            samples = counts.GetValueOrDefault(p.FunctionId),
        }).ToList();
        if (settings.Json)
        {
            CliConsole.Json(new { assembly, pins = rows });
            return 0;
        }
        if (rows.Count == 0)
        {
            CliConsole.Line($"No pins in {Markup.Escape(assembly)}: mark a method with [[Improve(\"spec\", Eval = ...)]] and rebuild.");
            return 0;
        }
        var table = CliConsole.NewTable("spec", "workspace", "pin", "eval_function", "source", "samples");
        foreach (var row in rows)
        {
            var pin = row.function_id[(row.function_id.IndexOf('/', "sigil://".Length) + 1)..row.function_id.LastIndexOf('#')];
            table.AddRow(new Text(row.spec), new Text(row.workspace), new Text(pin), new Text(row.eval_function), new Text(row.source), new Text(row.samples.ToString()));
        }
        CliConsole.Out.Write(table);
        return 0;
    }
}
