using System.Text.Json;

namespace Sigil.Runtime.Resolution;

/// <summary>
/// Keeps the served candidates' call counts on disk, for <c>sigil inspect-solutions</c>: one file per process,
/// <c>.sigil/resolver/usage/&lt;pid&gt;-&lt;start&gt;.json</c> (schema <c>sigil/usage@0</c>), rewritten atomically every
/// few seconds while something is served and once more when the process exits. Never stops the app.
/// </summary>
internal sealed class UsageWriter : IDisposable
{
    /// <summary>The folder inside <c>.sigil/resolver</c>.</summary>
    public const string FolderName = "usage";

    /// <summary>How often counts are written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private readonly List<ServedCandidate> _candidates = [];
    private readonly ResolverMode _mode;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private Timer? _timer;
    private EventHandler? _onExit;
    private bool _disposed;

    private readonly string _sigilDirectory;

    public UsageWriter(string sigilDirectory, ResolverMode mode)
    {
        _mode = mode;
        _sigilDirectory = sigilDirectory;
    }

    /// <summary>This process's file (its name is formatted on first use: nothing of it runs at the app's start-up).</summary>
    public string FilePath => field ??= Path.Combine(_sigilDirectory, "resolver", FolderName,
        $"{Environment.ProcessId}-{_started.ToUnixTimeMilliseconds()}.json");

    /// <summary>Adds candidates to keep counts of (each once).</summary>
    public void Track(IEnumerable<ServedCandidate> candidates)
    {
        lock (_gate)
        {
            foreach (var candidate in candidates)
            {
                if (!_candidates.Contains(candidate))
                {
                    _candidates.Add(candidate);
                }
            }
            if (_candidates.Count > 0 && _timer is null && !_disposed)
            {
                _timer = new Timer(_ => Write(), null, Interval, Interval);
                _onExit = (_, _) => Write();
                AppDomain.CurrentDomain.ProcessExit += _onExit;
            }
        }
    }

    /// <summary>Writes the counts now (nothing once disposed: the last write was the disposal's).</summary>
    public void Write()
    {
        lock (_gate)
        {
            if (_candidates.Count == 0 || _disposed)
            {
                return;
            }
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("schema", "sigil/usage@0");
                writer.WriteNumber("process", Environment.ProcessId);
                writer.WriteString("mode", _mode.ToString().ToLowerInvariant());
                writer.WriteString("started_at", _started);
                writer.WriteString("updated_at", DateTimeOffset.UtcNow);
                writer.WriteStartArray("pins");
                foreach (var c in _candidates)
                {
                    writer.WriteStartObject();
                    writer.WriteString("function_id", c.FunctionId);
                    writer.WriteString("candidate", c.CandidateId);
                    writer.WriteString("manifest_id", c.ManifestId);
                    writer.WriteNumber("calls", c.Calls);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                var temporary = FilePath + ".tmp";
                File.WriteAllBytes(temporary, buffer.WrittenSpan.ToArray());
                File.Move(temporary, FilePath, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Counts stay in memory; the next write retries.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _timer?.Dispose();
            if (_onExit is not null)
            {
                // Or the process's exit would write this file again, after its owner is gone (and recreate its folder).
                AppDomain.CurrentDomain.ProcessExit -= _onExit;
            }
            Write();
            _disposed = true;
        }
    }
}
