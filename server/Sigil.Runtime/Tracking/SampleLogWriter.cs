using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Sigil.Runtime.Resolution;
using static Sigil.Runtime.Tracking.SampleLogFormat;

namespace Sigil.Runtime.Tracking;

/// <summary>
/// The one writer thread of a project: drains every pin's ring into the current segment file, writes each batch
/// to the OS at once (so a killed process loses at most the calls of the last ~millisecond), and seals the segment
/// (read-only) when tracking stops or the process exits.
/// </summary>
internal sealed class SampleLogWriter : IDisposable
{
    private const int BatchPerPin = 4096;
    private readonly SigilProject _project;
    private readonly FrameWriter _frames = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private readonly Dictionary<IPinDrain, ushort> _pinIndexes = new(ReferenceEqualityComparer.Instance);
    private volatile bool _stopping;
    private FileStream? _segment;
    private string? _segmentPath;
    private long _previousStart;
    private int _generation;

    public SampleLogWriter(SigilProject project)
    {
        _project = project;
        _thread = new Thread(Run) { IsBackground = true, Name = "Sigil sample writer" };
        _thread.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public void Wake() => _wake.Set();

    /// <summary>The pin's index in the current segment, opening the segment and describing the pin on first use.</summary>
    public ushort IndexOf(IPinDrain pin)
    {
        EnsureSegment();
        if (!_pinIndexes.TryGetValue(pin, out var index))
        {
            index = (ushort)_pinIndexes.Count;
            _pinIndexes.Add(pin, index);
            _frames.BeginFrame(FrameKind.Pin);
            _frames.U16(index);
            _frames.Bytes(JsonSerializer.SerializeToUtf8Bytes(PinJson(pin, index)));
            _frames.EndFrame();
        }
        return index;
    }

    /// <summary>Changes whenever a new segment is opened, so trackers know to re-describe their pin.</summary>
    public int Generation => _generation;

    /// <summary>The start timestamp as a delta from the previous call frame of the segment.</summary>
    public long StartDelta(long startTimestamp)
    {
        var delta = startTimestamp - _previousStart;
        _previousStart = startTimestamp;
        return delta;
    }

    public long TicksToNanoseconds(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));

    /// <summary>The last I/O failure of the writer (the app keeps running; the next batch opens a new segment).</summary>
    public Exception? LastError { get; private set; }

    private void Run()
    {
        while (!_stopping)
        {
            try
            {
                var drained = DrainOnce();
                if (drained == 0)
                {
                    if (!_project.TrackingEnabled && _segment is not null)
                    {
                        CloseSegment();
                    }
                    _wake.WaitOne(_project.TrackingEnabled ? 1 : 100);
                }
            }
            catch (Exception ex)
            {
                // The writer runs inside the user's app: a full disk or a deleted .sigil folder must never take it
                // down. The batch in hand is dropped, the segment abandoned; the next batch opens a new segment.
                Abandon(ex);
                _wake.WaitOne(100);
            }
        }
    }

    private void Abandon(Exception error)
    {
        lock (_frames)
        {
            LastError = error;
            _frames.Clear();
            try
            {
                _segment?.Dispose();
            }
            catch (IOException)
            {
                // Already broken; nothing more to lose.
            }
            _segment = null;
            _generation++;
        }
    }

    private int DrainOnce()
    {
        var total = 0;
        lock (_frames)
        {
            foreach (var pin in _project.Trackers)
            {
                total += pin.Drain(_frames, this, BatchPerPin);
            }
            if (_frames.Length > 0 && _segment is not null)
            {
                _segment.Write(_frames.Written);
                _segment.Flush();
                _frames.Clear();
            }
        }
        return total;
    }

    private void EnsureSegment()
    {
        if (_segment is not null)
        {
            return;
        }
        if (!Directory.Exists(_project.SigilDirectory))
        {
            // Tracking is switched on by a file inside .sigil; without the folder there is nothing to write to,
            // and the writer must never recreate a project folder someone deleted.
            throw new DirectoryNotFoundException($"{_project.SigilDirectory} no longer exists; tracked calls are dropped until it does.");
        }
        var folder = Path.Combine(_project.SigilDirectory, FolderName);
        Directory.CreateDirectory(folder);
        var prefix = RandomNumberGenerator.GetBytes(8);
        var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Environment.ProcessId}-{Convert.ToHexStringLower(prefix)}{Extension}";
        _segmentPath = Path.Combine(folder, name);
        _segment = new FileStream(_segmentPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _segment.Write(Magic);
        _pinIndexes.Clear();
        _generation++;
        var header = HeaderJson(name, prefix);
        _previousStart = (long)((Dictionary<string, long>)header["clock"]!)["stopwatch"];
        _frames.BeginFrame(FrameKind.Header);
        _frames.Bytes(JsonSerializer.SerializeToUtf8Bytes(header));
        _frames.EndFrame();
    }

    private void CloseSegment()
    {
        lock (_frames)
        {
            if (_segment is null)
            {
                return;
            }
            _segment.Dispose();
            _segment = null;
            _generation++;
            if (!OperatingSystem.IsWindows() && _segmentPath is not null && File.Exists(_segmentPath))
            {
                File.SetUnixFileMode(_segmentPath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
    }

    /// <summary>Writes every queued call to the OS now (failures are contained as in the writer loop).</summary>
    public void FlushNow()
    {
        try
        {
            while (DrainOnce() > 0)
            {
            }
        }
        catch (Exception ex)
        {
            Abandon(ex);
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        _wake.Set();
        _thread.Join(TimeSpan.FromSeconds(5));
        try
        {
            FlushNow();
            CloseSegment();
        }
        catch (Exception ex)
        {
            // Process exit: never throw from the exit handler; the log keeps what reached it.
            Abandon(ex);
        }
    }

    private Dictionary<string, object?> HeaderJson(string segment, byte[] tracePrefix)
    {
        var entry = Assembly.GetEntryAssembly()?.GetName();
        return new()
        {
            ["format"] = 1,
            ["segment"] = segment,
            ["trace_prefix"] = Convert.ToHexStringLower(tracePrefix),
            ["process_id"] = Environment.ProcessId,
            ["machine"] = Environment.MachineName,
            ["started_at"] = DateTimeOffset.UtcNow,
            ["clock"] = new Dictionary<string, long>
            {
                ["utc_ticks"] = DateTime.UtcNow.Ticks,
                ["stopwatch"] = Stopwatch.GetTimestamp(),
                ["frequency"] = Stopwatch.Frequency,
            },
            ["resolver_mode"] = _project.ResolverMode switch { ResolverMode.Dev => "dev", ResolverMode.Prod => "prod", _ => "off" },
            ["environment"] = new Dictionary<string, object?>
            {
                ["runtime"] = RuntimeInformation.FrameworkDescription,
                ["runtime_version"] = Environment.Version.ToString(),
                ["os"] = RuntimeInformation.OSDescription,
                ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
                ["app"] = entry is null ? null : $"{entry.Name}/{entry.Version}",
                ["dependencies"] = Dependencies(),
            },
        };
    }

    private static SortedDictionary<string, string> Dependencies()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in Assembly.GetEntryAssembly()?.GetReferencedAssemblies() ?? [])
        {
            result[reference.Name ?? "?"] = reference.Version?.ToString() ?? "?";
        }
        return result;
    }

    private Dictionary<string, object?> PinJson(IPinDrain drain, ushort index)
    {
        var pin = drain.Pin;
        return new()
        {
            ["pin_index"] = index,
            ["function_id"] = pin.FunctionId,
            ["spec"] = pin.Spec,
            ["workspace"] = pin.Workspace,
            ["eval"] = pin.EvalName,
            ["parameters"] = pin.ParameterNames.Select((name, i) => new Dictionary<string, object>
            {
                ["name"] = name,
                ["type"] = pin.ParameterTypes[i],
                ["sensitive"] = pin.Sensitive[i],
            }).ToArray(),
            ["return_type"] = pin.ReturnType,
            ["is_async"] = pin.IsAsync,
            ["store_raw"] = _project.StoresRaw(pin.Spec),
            ["candidate_id"] = null,
            ["allocation"] = new Dictionary<string, object> { ["arm"] = "baseline", ["share"] = 1.0 },
        };
    }
}
