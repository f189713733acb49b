using Spectre.Console;

namespace Sigil.Cli.Output;

/// <summary>Prints a unified diff with colours (additions green, removals red, hunk headers cyan).</summary>
public static class DiffWriter
{
    /// <summary>Writes <paramref name="diff"/> to the console.</summary>
    public static void Write(string diff)
    {
        foreach (var line in diff.Split('\n'))
        {
            var style = line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => new Style(decoration: Decoration.Bold),
                _ when line.StartsWith("@@", StringComparison.Ordinal) => new Style(Color.Aqua),
                _ when line.StartsWith('+') => new Style(Color.Green),
                _ when line.StartsWith('-') => new Style(Color.Red),
                _ => Style.Plain,
            };
            CliConsole.Out.Write(new Text(line + "\n", style));
        }
    }
}
