using System.Text;

namespace Sigil.Worker.Running;

/// <summary>
/// Console.Out and Console.Error while candidates run: keeps the first characters up to a limit and counts the rest, so
/// a candidate that prints in a loop costs no memory and never reaches the protocol stream. Thread-safe.
/// </summary>
internal sealed class OutputCapture : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _kept = new();
    private int _limit = 4096;
    private long _dropped;

    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Forgets what was captured and keeps up to <paramref name="limit"/> characters from now on.</summary>
    public void Reset(int limit)
    {
        lock (_gate)
        {
            _kept.Clear();
            _dropped = 0;
            _limit = Math.Max(0, limit);
        }
    }

    /// <summary>What was kept, and how many characters were dropped.</summary>
    public (string Text, long Dropped) Take()
    {
        lock (_gate)
        {
            var result = (_kept.ToString(), _dropped);
            _kept.Clear();
            _dropped = 0;
            return result;
        }
    }

    /// <inheritdoc/>
    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_kept.Length < _limit) _kept.Append(value);
            else _dropped++;
        }
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is null) return;
        Write(value.AsSpan());
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            var room = Math.Max(0, Math.Min(buffer.Length, _limit - _kept.Length));
            _kept.Append(buffer[..room]);
            _dropped += buffer.Length - room;
        }
    }
}
