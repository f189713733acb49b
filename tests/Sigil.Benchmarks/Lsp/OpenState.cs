namespace Sigil.Benchmarks.Lsp;

/// <summary>
/// A pinned document as the editor holds it: its text, version and where its lenses should be, while comment lines are
/// typed above the pin one keystroke at a time (the first keystroke of a line opens it above the attribute: the pin,
/// and its lenses, move down one line).
/// </summary>
internal sealed class OpenState(GeneratedPin pin)
{
    private int _insertAt = -1;
    private int _typed;

    public GeneratedPin Pin { get; } = pin;

    public string Text { get; private set; } = File.ReadAllText(pin.FilePath);

    public int Version { get; private set; } = 1;

    /// <summary>The zero-based line of the pin's <c>[Improve]</c> attribute in <see cref="Text"/>.</summary>
    public int AttributeLine { get; private set; } = pin.AttributeLine;

    /// <summary>Candidates stored for this pin during the run (beyond the generated ones).</summary>
    public int StoredExtra { get; set; }

    /// <summary>One keystroke of <paramref name="line"/>: opens a new line above the pin, or types its next character.</summary>
    public void Type(string line)
    {
        if (_insertAt < 0)
        {
            _insertAt = LineStart(AttributeLine);
            Text = Text.Insert(_insertAt, "\n");
            AttributeLine++;
            _typed = 0;
        }
        else
        {
            Text = Text.Insert(_insertAt + _typed, line[_typed].ToString());
            if (++_typed == line.Length)
            {
                _insertAt = -1;
            }
        }
        Version++;
    }

    private int LineStart(int line)
    {
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            offset = Text.IndexOf('\n', offset) + 1;
        }
        return offset;
    }
}
