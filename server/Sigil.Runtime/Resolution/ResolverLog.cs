using System.Text.Json;

namespace Sigil.Runtime.Resolution;

/// <summary>
/// Every resolver decision, one JSON line each, appended to <c>.sigil/resolver/resolver.log</c>:
/// <c>{"time", "mode", "event", "manifest", "message"}</c> with event one of applied, fallback, skipped, warning,
/// override, reload. A prod fallback is also written to standard error, since serving baselines is an operational
/// fact someone must see. A log that cannot be written never stops the app.
/// </summary>
internal sealed class ResolverLog(string sigilDirectory, ResolverMode mode)
{
    /// <summary>The log's file name inside <c>.sigil/resolver</c>.</summary>
    public const string FileName = "resolver.log";

    private readonly object _gate = new();
    private readonly List<string> _lines = [];

    public string FilePath { get; } = Path.Combine(sigilDirectory, "resolver", FileName);

    /// <summary>The lines written by this process (for status and tests).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToArray();
            }
        }
    }

    public void Write(string @event, string? manifest, string message)
    {
        // Utf8JsonWriter, not JsonSerializer: the serializer's reflection start-up would cost tens of ms at app start.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("mode", mode.ToString().ToLowerInvariant());
            writer.WriteString("event", @event);
            writer.WriteString("manifest", manifest);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        var line = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            _lines.Add(line);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                File.AppendAllText(FilePath, line + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The decision stands without its log line (read-only deployment); standard error still has fallbacks.
            }
        }
        if (mode == ResolverMode.Prod && @event == "fallback")
        {
            Console.Error.WriteLine($"sigil resolver (prod): serving every baseline: {message}");
        }
    }
}
