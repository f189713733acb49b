using System.Text;

namespace Sigil.Candidates.Applying;

/// <summary>
/// A file as lines, each with its own terminator, so that replacing some lines leaves every other byte as it was
/// (mixed or CRLF line endings included). New lines get the file's dominant terminator.
/// </summary>
internal sealed class LineBuffer
{
    private readonly List<string> _lines = [];
    private readonly List<string> _terminators = [];

    public LineBuffer(string text)
    {
        var start = 0;
        var crlf = 0;
        var lf = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
            {
                continue;
            }
            var terminator = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
            _lines.Add(text[start..i]);
            _terminators.Add(terminator);
            if (terminator == "\r\n")
            {
                crlf++;
            }
            else
            {
                lf++;
            }
            i += terminator.Length - 1;
            start = i + 1;
        }
        if (start < text.Length)
        {
            _lines.Add(text[start..]);
            _terminators.Add(string.Empty);
        }
        Newline = crlf > lf ? "\r\n" : "\n";
    }

    /// <summary>The dominant line terminator (LF when there is none).</summary>
    public string Newline { get; }

    /// <summary>The lines, without terminators.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Replaces <paramref name="count"/> lines from <paramref name="start"/> with <paramref name="replacement"/>.</summary>
    public void Replace(int start, int count, IReadOnlyList<string> replacement)
    {
        var endsFile = count > 0 && start + count == _lines.Count && _terminators[^1].Length == 0;
        _lines.RemoveRange(start, count);
        _terminators.RemoveRange(start, count);
        _lines.InsertRange(start, replacement);
        _terminators.InsertRange(start, replacement.Select(_ => Newline));
        if (endsFile && replacement.Count > 0)
        {
            _terminators[start + replacement.Count - 1] = string.Empty;
        }
    }

    /// <summary>The text: every line followed by its terminator.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _lines.Count; i++)
        {
            builder.Append(_lines[i]).Append(_terminators[i]);
        }
        return builder.ToString();
    }
}
