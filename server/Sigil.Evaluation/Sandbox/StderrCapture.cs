using System.Text;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Reads a worker's stderr to its end in the background, keeping the head and the tail (the runtime's crash message is
/// at the head, e.g. "Stack overflow.", the interesting frames may be anywhere), so a chatty candidate costs no memory.
/// </summary>
internal sealed class StderrCapture
{
    private const int HeadBytes = 8 * 1024;
    private const int TailBytes = 8 * 1024;
    private readonly Lock _gate = new();
    private readonly MemoryStream _head = new();
    private readonly Queue<byte[]> _tail = new();
    private int _tailLength;
    private long _dropped;

    /// <summary>Starts reading <paramref name="stream"/>.</summary>
    public StderrCapture(Stream stream)
    {
        Completion = Task.Run(() => PumpAsync(stream));
    }

    /// <summary>Completes when the stream ends.</summary>
    public Task Completion { get; }

    /// <summary>What was read so far: the head, then "…" and the tail if something in between was dropped.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                var text = new StringBuilder(Encoding.UTF8.GetString(_head.GetBuffer(), 0, (int)_head.Length));
                if (_dropped > 0) text.Append($"\n… ({_dropped} bytes left out) …\n");
                foreach (var chunk in _tail) text.Append(Encoding.UTF8.GetString(chunk));
                return text.ToString();
            }
        }
    }

    private async Task PumpAsync(Stream stream)
    {
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0) Append(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The process is gone: what was read is all there is.
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            var toHead = Math.Min(bytes.Length, HeadBytes - (int)_head.Length);
            if (toHead > 0) _head.Write(bytes[..toHead]);
            var rest = bytes[toHead..];
            if (rest.IsEmpty) return;
            _tail.Enqueue(rest.ToArray());
            _tailLength += rest.Length;
            while (_tailLength > TailBytes && _tail.Count > 1)
            {
                var old = _tail.Dequeue();
                _tailLength -= old.Length;
                _dropped += old.Length;
            }
        }
    }
}
