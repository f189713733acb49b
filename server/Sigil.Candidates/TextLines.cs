namespace Sigil.Candidates;

/// <summary>Line helpers shared by the parser and the applier.</summary>
internal static class TextLines
{
    /// <summary>CRLF and lone CR to LF.</summary>
    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Lines of an LF text whose lines are each terminated by <c>\n</c> (a last unterminated line counts too).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = NormalizeNewlines(text).Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>Joins lines, terminating each with <c>\n</c>.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append('\n');
        }
        return builder.ToString();
    }
}
