using Sigil.Core.Identity;
using Sigil.Manifests.Applied;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Verification;

namespace Sigil.Runtime.Resolution;

/// <summary>
/// The resolver of one project in a running app. It reads exactly one manifest (<see cref="ResolverSettings"/>) and
/// verifies it with the very <see cref="ManifestVerifier"/> behind <c>sigil verify</c>: signature by a trusted,
/// unrevoked key of the project's <c>sigil.keys.json</c>, validity window, sequence against
/// <c>.sigil/resolver/applied.json</c>, each pin's abi-hash against the running build, the policy, and each pin's
/// compiled artifact against its signed digest. No compiler runs: artifacts were compiled by <c>sigil promote</c>.
/// <list type="bullet">
/// <item>prod: decided once, at the first registration; every pin is served or none, any failure serves every
/// baseline with the reason logged; an applied manifest is recorded in applied.json (never going back).</item>
/// <item>dev: pins are served one by one where they check out, an unverifiable manifest is applied with a warning,
/// <c>.sigil/resolver/overrides.json</c> can force baselines, and both files are reloaded when they change.</item>
/// <item>off: nothing is read; baselines only.</item>
/// </list>
/// When: with <see cref="ResolveTiming.Background"/> (the default) the first decision is made on a worker thread, so
/// the app's start-up waits for none of it; every pin runs its baseline until the decision is applied to all routes
/// in one pass. With <see cref="ResolveTiming.Startup"/> it is made in the module initializer, before the app runs.
/// </summary>
internal sealed class ProjectResolver : IDisposable
{
    /// <summary>How often dev mode checks the manifest and the overrides for changes.</summary>
    public static readonly TimeSpan DevPollInterval = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, ServedCandidate> None = new(StringComparer.Ordinal);

    private readonly object _gate = new();     // routes, the decision in force and the status fields
    private readonly object _deciding = new(); // one decision at a time (the load context and the bind caches)
    private readonly string _projectDirectory;
    private readonly string _sigilDirectory;
    private readonly Action _onServingChanged;
    private readonly List<PinRoute> _attached = [];
    private readonly Dictionary<string, PinRoute> _routes = new(StringComparer.Ordinal);
    private LoadedArtifacts? _artifacts; // created with the first artifact (not at start-up)
    private readonly ManualResetEventSlim _decided = new(initialState: true); // reset while the first decision is pending
    private readonly UsageWriter _usage;
    private int _indexed;
    private Decision? _decision;
    private string? _manifestId;
    private string? _fallback;
    private Thread? _worker;
    private Timer? _devTimer;
    private (DateTime Manifest, DateTime Overrides) _devStamp;
    private volatile bool _serving;
    private long _firstAttach;
    private PinRoute[]? _prodScope;
    private TimeSpan? _decidedAfter;
    private bool _disposed;

    public ProjectResolver(string projectDirectory, string sigilDirectory, ResolverSettings settings, Action onServingChanged)
    {
        _projectDirectory = projectDirectory;
        _sigilDirectory = sigilDirectory;
        Settings = settings;
        _onServingChanged = onServingChanged;
        Log = new ResolverLog(sigilDirectory, settings.Mode);
        _usage = new UsageWriter(sigilDirectory, settings.Mode);
        if (settings.Problem is { } problem)
        {
            _fallback = problem;
            Log.Write(settings.Mode == ResolverMode.Prod ? "fallback" : "warning", settings.ManifestPath, problem);
        }
    }

    public ResolverSettings Settings { get; }

    /// <summary>How long the last decision took (read, verify, hash, load and bind), once made.</summary>
    public TimeSpan? DecisionTime { get; private set; }

    public ResolverLog Log { get; }

    /// <summary>True while at least one pin is served by a candidate.</summary>
    public bool Serving => _serving;

    /// <summary>The full path of <c>overrides.json</c> (dev mode).</summary>
    public string OverridesPath => Path.Combine(_sigilDirectory, "resolver", "overrides.json");

    public ResolutionStatus Status
    {
        get
        {
            lock (_gate)
            {
                var served = _routes.Values.Select(r => r.Current).OfType<ServedCandidate>()
                    .Select(c => new ServedPin(c.FunctionId, c.CandidateId, c.ManifestId, c.Calls)).ToList();
                return new ResolutionStatus(Settings.Mode, Settings.ManifestPath, _manifestId, _fallback, served)
                {
                    Timing = Settings.Timing,
                    Pending = !_decided.IsSet,
                    DecisionTime = DecisionTime,
                    DecidedAfter = _decidedAfter,
                };
            }
        }
    }

    /// <summary>
    /// Waits until the first decision is applied to the routes attached so far (at once in off mode, with a
    /// configuration problem, before any route is attached, or with startup timing once they were). False if it was
    /// not within <paramref name="timeout"/>.
    /// </summary>
    public bool WaitForDecision(TimeSpan timeout) => _decided.Wait(timeout);

    /// <summary>
    /// Takes the routes of an assembly of the project. With startup timing the decision is made here, before the
    /// app's code runs; with background timing a worker thread makes it and this returns at once (the routes serve
    /// their baselines until the decision is applied). In prod a decision already made is applied to the new routes.
    /// </summary>
    public void Attach(IReadOnlyList<PinRoute> routes)
    {
        if (Settings.Mode == ResolverMode.Off || Settings.Problem is not null)
        {
            return;
        }
        var resolveHere = false;
        lock (_gate)
        {
            _attached.AddRange(routes);
            if (_firstAttach == 0)
            {
                _decided.Reset(); // pending until the first decision is applied
                _firstAttach = System.Diagnostics.Stopwatch.GetTimestamp();
                _prodScope = [.. routes]; // prod decides for the first registration's pins, whenever the decision lands
            }
            if (Settings.Mode == ResolverMode.Prod && _decision is not null)
            {
                // Decided once; later assemblies' routes get that decision (baselines for pins it does not cover).
                Index();
                Apply(_decision);
                return;
            }
            if (Settings.Timing == ResolveTiming.Startup)
            {
                resolveHere = true;
            }
            else if (_worker is null)
            {
                _worker = new Thread(Resolve) { IsBackground = true, Name = "Sigil resolver" };
                _worker.Start();
            }
            else if (Settings.Mode == ResolverMode.Dev)
            {
                ThreadPool.QueueUserWorkItem(_ => Resolve());
            }
        }
        if (resolveHere)
        {
            Resolve();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _devTimer?.Dispose();
        }
        _usage.Dispose();
    }

    /// <summary>Makes a decision and applies it; never throws (a failure serves every baseline, logged).</summary>
    private void Resolve()
    {
        try
        {
            lock (_deciding)
            {
                Dictionary<string, PinRoute> routes;
                lock (_gate)
                {
                    if (Settings.Mode == ResolverMode.Prod && _decision is not null)
                    {
                        return;
                    }
                    Index();
                    routes = Settings.Mode == ResolverMode.Prod
                        ? Indexed(_prodScope!)
                        : new Dictionary<string, PinRoute>(_routes, StringComparer.Ordinal);
                    if (Settings.Mode == ResolverMode.Dev)
                    {
                        _devStamp = (Stamp(Settings.ManifestPath), Stamp(OverridesPath));
                    }
                }
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var decision = Settings.Mode == ResolverMode.Prod ? DecideProd(routes, started) : DecideDev(routes);
                lock (_gate)
                {
                    DecisionTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    Index();
                    Apply(decision);
                    _decidedAfter ??= System.Diagnostics.Stopwatch.GetElapsedTime(_firstAttach);
                }
            }
        }
        catch (Exception e)
        {
            // A resolver must never take the app down: whatever went wrong, every pin runs its baseline.
            var reason = $"the resolver failed ({e.GetType().Name}: {e.Message}); serving every baseline";
            lock (_gate)
            {
                Apply(new Decision(None, null, reason));
            }
            Log.Write(Settings.Mode == ResolverMode.Prod ? "fallback" : "warning", Settings.ManifestPath, reason);
        }
        finally
        {
            if (Settings.Mode == ResolverMode.Dev)
            {
                lock (_gate)
                {
                    if (!_disposed)
                    {
                        _devTimer ??= new Timer(_ => PollDev(), null, DevPollInterval, DevPollInterval);
                    }
                }
            }
            _decided.Set();
        }
    }

    /// <summary>Parses the FunctionIDs of routes attached since the last call (off the start-up path with background timing).</summary>
    private void Index()
    {
        for (; _indexed < _attached.Count; _indexed++)
        {
            Add(_routes, _attached[_indexed]);
        }
    }

    private static Dictionary<string, PinRoute> Indexed(IEnumerable<PinRoute> routes)
    {
        var indexed = new Dictionary<string, PinRoute>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            Add(indexed, route);
        }
        return indexed;
    }

    private static void Add(Dictionary<string, PinRoute> routes, PinRoute route)
    {
        if (FunctionId.TryParse(route.FunctionId, out var id))
        {
            routes[Key(id!)] = route;
        }
    }

    private static string Key(FunctionId id) => $"{id.Package}/{id.Module}:{id.QualifiedName}";

    private static Func<FunctionId, string?> CurrentAbi(Dictionary<string, PinRoute> routes) => id =>
        routes.TryGetValue(Key(id), out var route) ? FunctionId.Parse(route.FunctionId).AbiHash : null;

    private Decision DecideProd(Dictionary<string, PinRoute> routes, long started)
    {
        var path = Settings.ManifestPath!;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fallback($"the manifest {path} cannot be read ({e.Message})");
        }
        VerificationResult result;
        try
        {
            var applied = new AppliedManifests(_sigilDirectory);
            var options = new VerificationOptions { CurrentAbiHash = CurrentAbi(routes), LastAppliedFor = applied.Find, ManifestPath = path, RequireArtifacts = true };
            result = new ManifestVerifier(new TrustStore(_projectDirectory)).Verify(bytes, options);
        }
        catch (Exception e) when (e is AppliedManifestsException or TrustStoreException)
        {
            return Fallback(e.Message);
        }
        if (!result.Valid)
        {
            return Fallback($"{result.Code}: {result.Message}");
        }
        var document = result.Document!;
        var served = new Dictionary<string, ServedCandidate>(StringComparer.Ordinal);
        for (var i = 0; i < document.Pins.Count; i++)
        {
            var pin = document.Pins[i];
            try
            {
                served[Key(pin.FunctionId)] = Bind(routes, pin, result.Artifacts[pin.FunctionId.ToString()], document.ManifestId);
            }
            catch (ResolutionException e)
            {
                return Fallback($"pins[{i}] ({pin.FunctionId.QualifiedName}): {e.Message}");
            }
        }
        try
        {
            new AppliedManifests(_sigilDirectory).Record(document.Spec, new AppliedManifest(document.Sequence, document.ManifestId!));
        }
        catch (Exception e) when (e is AppliedManifestsException or IOException or UnauthorizedAccessException)
        {
            Log.Write("warning", document.ManifestId, $"applied.json was not updated ({e.Message}); an older manifest is refused only while this one's sequence is recorded.");
        }
        var when = Settings.Timing == ResolveTiming.Background
            ? $"; in the background, {System.Diagnostics.Stopwatch.GetElapsedTime(_firstAttach).TotalMilliseconds:F1} ms after the app registered its pins (baselines until now)"
            : "; at start-up";
        Log.Write("applied", document.ManifestId,
            $"serving {served.Count} pin(s) of spec '{document.Spec}' (sequence {document.Sequence}, verified and bound in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms{when}): " +
            string.Join(", ", document.Pins.Select(p => $"{p.FunctionId.QualifiedName} -> {p.Candidate}")));
        return new Decision(served, document.ManifestId, null);
    }

    private Decision Fallback(string reason)
    {
        Log.Write("fallback", Settings.ManifestPath, reason);
        return new Decision(None, null, reason);
    }

    private Decision DecideDev(Dictionary<string, PinRoute> routes)
    {
        var served = new Dictionary<string, ServedCandidate>(StringComparer.Ordinal);
        string? fallback = null;
        string? manifestId = null;
        if (Settings.ManifestPath is { } path && File.Exists(path))
        {
            manifestId = ServeDevManifest(routes, path, served);
        }
        else if (Settings.ManifestPath is { } missing)
        {
            fallback = $"the manifest {missing} does not exist";
            Log.Write("warning", missing, fallback + "; serving baselines until it appears.");
        }
        foreach (var (qualifiedName, why) in DevOverrides.Read(OverridesPath, Log))
        {
            var key = served.Keys.FirstOrDefault(k => k.EndsWith(":" + qualifiedName, StringComparison.Ordinal));
            var route = routes.FirstOrDefault(r => r.Key.EndsWith(":" + qualifiedName, StringComparison.Ordinal));
            if (route.Value is null)
            {
                Log.Write("warning", null, $"overrides.json names {qualifiedName}, which is not a pin of this app; ignored.");
                continue;
            }
            if (key is not null)
            {
                served.Remove(key);
            }
            Log.Write("override", null, $"{qualifiedName}: baseline ({why}).");
        }
        return new Decision(served, manifestId, fallback);
    }

    /// <summary>Serves the pins of a dev manifest that check out; returns its id, or null when it cannot be read.</summary>
    private string? ServeDevManifest(Dictionary<string, PinRoute> routes, string path, Dictionary<string, ServedCandidate> served)
    {
        byte[] bytes;
        ManifestDocument? document;
        try
        {
            bytes = File.ReadAllBytes(path);
            document = TryParse(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Write("warning", path, $"the manifest cannot be read ({e.Message}); serving baselines.");
            return null;
        }
        if (document is null)
        {
            Log.Write("warning", path, "the manifest is not a valid sigil/manifest@0; serving baselines.");
            return null;
        }
        var currentAbi = CurrentAbi(routes);
        try
        {
            var verdict = new ManifestVerifier(new TrustStore(_projectDirectory)).Verify(bytes, new VerificationOptions { CurrentAbiHash = currentAbi });
            if (!verdict.Valid)
            {
                Log.Write("warning", document.ManifestId, $"dev: applying a manifest that prod would refuse ({verdict.Code}: {verdict.Message})");
            }
        }
        catch (TrustStoreException e)
        {
            Log.Write("warning", document.ManifestId, $"dev: the trust store cannot be read ({e.Message}); applying unverified.");
        }
        for (var i = 0; i < document.Pins.Count; i++)
        {
            var pin = document.Pins[i];
            var current = currentAbi(pin.FunctionId);
            if (current != pin.FunctionId.AbiHash)
            {
                Log.Write("skipped", document.ManifestId, $"{pin.FunctionId.QualifiedName}: {(current is null ? "not a pin of this app" : "the running code has another abi-hash")}; baseline.");
                continue;
            }
            if (ArtifactCheck.TryRead(pin, i, path, required: true, out var image) is { } failure)
            {
                Log.Write("skipped", document.ManifestId, $"{failure.Code}: {failure.Message}");
                continue;
            }
            try
            {
                served[Key(pin.FunctionId)] = Bind(routes, pin, image!, document.ManifestId);
            }
            catch (ResolutionException e)
            {
                Log.Write("skipped", document.ManifestId, $"{pin.FunctionId.QualifiedName}: {e.Message}; baseline.");
            }
        }
        Log.Write("applied", document.ManifestId, $"dev: serving {served.Count} of {document.Pins.Count} pin(s).");
        return document.ManifestId;
    }

    private ServedCandidate Bind(Dictionary<string, PinRoute> routes, ManifestPin pin, byte[] image, string? manifestId)
    {
        var route = routes[Key(pin.FunctionId)];
        var artifact = pin.Artifact!;
        var qualified = pin.FunctionId.QualifiedName;
        var head = qualified[..qualified.IndexOf('(')];
        var methodName = head[(head.LastIndexOf('.') + 1)..];
        _artifacts ??= new LoadedArtifacts();
        var implementation = _artifacts.Bind(artifact.Digest, artifact.EntryType, methodName, route.ImplementationType, image);
        var existing = route.Current;
        return existing is not null && existing.CandidateId == pin.Candidate.ToString() && existing.ManifestId == manifestId
            ? existing
            : new ServedCandidate(route.FunctionId, pin.Candidate.ToString(), manifestId, implementation);
    }

    /// <summary>Serves every route as <paramref name="decision"/> says, in one pass (under <see cref="_gate"/>).</summary>
    private void Apply(Decision decision)
    {
        _decision = decision;
        _manifestId = decision.ManifestId;
        _fallback = decision.Fallback ?? Settings.Problem;
        foreach (var (key, route) in _routes)
        {
            route.Serve(decision.Served.GetValueOrDefault(key));
        }
        var serving = _routes.Values.Any(r => r.Current is not null);
        _usage.Track(_routes.Values.Select(r => r.Current).OfType<ServedCandidate>());
        if (serving != _serving)
        {
            _serving = serving;
            _onServingChanged();
        }
    }

    private void PollDev()
    {
        try
        {
            var stamp = (Stamp(Settings.ManifestPath), Stamp(OverridesPath));
            lock (_gate)
            {
                if (stamp == _devStamp)
                {
                    return;
                }
                _devStamp = stamp;
            }
            Log.Write("reload", Settings.ManifestPath, "dev: the manifest or overrides.json changed; resolving again.");
            Resolve();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file being replaced: the next poll sees it whole.
        }
    }

    private static DateTime Stamp(string? path) => path is not null && File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;

    private static ManifestDocument? TryParse(byte[] bytes)
    {
        try
        {
            return ManifestDocument.Parse(bytes);
        }
        catch (Exception e) when (e is ManifestFormatException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>What a decision serves: the candidates by pin key, the manifest applied and why baselines are served.</summary>
    private sealed record Decision(Dictionary<string, ServedCandidate> Served, string? ManifestId, string? Fallback);
}
