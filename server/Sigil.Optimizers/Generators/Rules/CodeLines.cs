using System.Text;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>Generated statements as lines with nesting levels, rendered at an indentation.</summary>
internal sealed class CodeLines
{
    private readonly List<(int Level, string Text)> _lines = [];

    /// <summary>Adds a line (it may hold newlines: the continuation lines keep their own indentation).</summary>
    public CodeLines Add(int level, string text)
    {
        _lines.Add((level, text));
        return this;
    }

    /// <summary>Adds <c>{</c>, the body at one level deeper, and <c>}</c>.</summary>
    public CodeLines Block(int level, Action<int> body)
    {
        Add(level, "{");
        body(level + 1);
        return Add(level, "}");
    }

    /// <summary>Each line with <paramref name="indent"/> + <paramref name="unit"/> × level, each ended by <c>\n</c>.</summary>
    public string Render(string indent, string unit)
    {
        var text = new StringBuilder();
        foreach (var (level, line) in _lines)
        {
            text.Append(indent);
            for (var i = 0; i < level; i++)
            {
                text.Append(unit);
            }
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }
}
