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

    public UsageWriter(string sigilDirectory, ResolverMode mode)
    {
        _mode = mode;
        FilePath = Path.Combine(sigilDirectory, "resolver", FolderName,
            $"{Environment.ProcessId}-{_started.ToUnixTimeMilliseconds()}.json");
    }

    public string FilePath { get; }

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
            if (_candidates.Count > 0 && _timer is null)
            {
                _timer = new Timer(_ => Write(), null, Interval, Interval);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();
            }
        }
    }

    /// <summary>Writes the counts now.</summary>
    public void Write()
    {
        lock (_gate)
        {
            if (_candidates.Count == 0)
            {
                return;
            }
            var body = new Dictionary<string, object?>
            {
                ["schema"] = "sigil/usage@0",
                ["process"] = Environment.ProcessId,
                ["mode"] = _mode.ToString().ToLowerInvariant(),
                ["started_at"] = _started.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["updated_at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["pins"] = _candidates.Select(c => new Dictionary<string, object?>
                {
                    ["function_id"] = c.FunctionId,
                    ["candidate"] = c.CandidateId,
                    ["manifest_id"] = c.ManifestId,
                    ["calls"] = c.Calls,
                }).ToList(),
            };
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                var temporary = FilePath + ".tmp";
                File.WriteAllText(temporary, JsonSerializer.Serialize(body, new JsonSerializerOptions { WriteIndented = true }));
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
        _timer?.Dispose();
        Write();
    }
}
