using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Sigil.Cli.Output;

/// <summary>Where commands print: tables and messages for people, JSON for scripts. Errors go to stderr (see Program).</summary>
internal static class CliConsole
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static IAnsiConsole Out { get; } = CreateOut();

    public static void Json(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, value.GetType(), s_json));

    public static void Line(string markup) => Out.MarkupLine(markup);

    public static void Hint(string text) => Console.Error.WriteLine(text);

    public static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Ascii);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column));
        }
        return table;
    }

    private static IAnsiConsole CreateOut()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }
        return console;
    }
}
