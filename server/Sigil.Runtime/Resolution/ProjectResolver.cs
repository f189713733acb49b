using System.Runtime.Loader;
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
/// </summary>
internal sealed class ProjectResolver : IDisposable
{
    /// <summary>How often dev mode checks the manifest and the overrides for changes.</summary>
    public static readonly TimeSpan DevPollInterval = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly string _projectDirectory;
    private readonly string _sigilDirectory;
    private readonly Action _onServingChanged;
    private readonly Dictionary<string, PinRoute> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, System.Reflection.Assembly> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Digest, string EntryType, string Method, Type DelegateType), Delegate> _bound = new();
    private readonly AssemblyLoadContext _context = new("Sigil approved candidates", isCollectible: false);
    private readonly UsageWriter _usage;
    private Dictionary<string, ServedCandidate>? _decision;
    private string? _manifestId;
    private string? _fallback;
    private Timer? _devTimer;
    private (DateTime Manifest, DateTime Overrides) _devStamp;
    private volatile bool _serving;
    private long _decisionStarted;

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

    /// <summary>How long the prod decision took (read, verify, hash, load and bind), once made.</summary>
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
                return new ResolutionStatus(Settings.Mode, Settings.ManifestPath, _manifestId, _fallback, served);
            }
        }
    }

    /// <summary>Takes the routes of an assembly of the project and serves them as decided.</summary>
    public void Attach(IReadOnlyList<PinRoute> routes)
    {
        if (Settings.Mode == ResolverMode.Off || Settings.Problem is not null)
        {
            return;
        }
        lock (_gate)
        {
            foreach (var route in routes)
            {
                if (FunctionId.TryParse(route.FunctionId, out var id))
                {
                    _routes[Key(id!)] = route;
                }
            }
            if (Settings.Mode == ResolverMode.Prod)
            {
                // Decided once, at the first registration; later assemblies' routes get that decision (baselines for
                // pins it does not cover), never a dev-style re-decision.
                if (_decision is null)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    _decision = DecideProd();
                    DecisionTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                }
            }
            else
            {
                _devStamp = (Stamp(Settings.ManifestPath), Stamp(OverridesPath));
                _decision = DecideDev();
                _devTimer ??= new Timer(_ => PollDev(), null, DevPollInterval, DevPollInterval);
            }
            Apply(_decision);
        }
    }

    public void Dispose()
    {
        _devTimer?.Dispose();
        _usage.Dispose();
    }

    private static string Key(FunctionId id) => $"{id.Package}/{id.Module}:{id.QualifiedName}";

    private string? CurrentAbi(FunctionId id) =>
        _routes.TryGetValue(Key(id), out var route) ? FunctionId.Parse(route.FunctionId).AbiHash : null;

    private Dictionary<string, ServedCandidate> DecideProd()
    {
        _decisionStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var path = Settings.ManifestPath!;
        var none = new Dictionary<string, ServedCandidate>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fallback(none, $"the manifest {path} cannot be read ({e.Message})");
        }
        VerificationResult result;
        try
        {
            var applied = new AppliedManifests(_sigilDirectory);
            var options = new VerificationOptions { CurrentAbiHash = CurrentAbi, LastAppliedFor = applied.Find, ManifestPath = path, RequireArtifacts = true };
            result = new ManifestVerifier(new TrustStore(_projectDirectory)).Verify(bytes, options);
        }
        catch (Exception e) when (e is AppliedManifestsException or TrustStoreException)
        {
            return Fallback(none, e.Message);
        }
        if (!result.Valid)
        {
            return Fallback(none, $"{result.Code}: {result.Message}");
        }
        var document = result.Document!;
        var served = new Dictionary<string, ServedCandidate>(StringComparer.Ordinal);
        for (var i = 0; i < document.Pins.Count; i++)
        {
            var pin = document.Pins[i];
            try
            {
                served[Key(pin.FunctionId)] = Bind(pin, result.Artifacts[pin.FunctionId.ToString()], document.ManifestId);
            }
            catch (ResolutionException e)
            {
                return Fallback(none, $"pins[{i}] ({pin.FunctionId.QualifiedName}): {e.Message}");
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
        _manifestId = document.ManifestId;
        Log.Write("applied", document.ManifestId,
            $"serving {served.Count} pin(s) of spec '{document.Spec}' (sequence {document.Sequence}, verified and bound in {System.Diagnostics.Stopwatch.GetElapsedTime(_decisionStarted).TotalMilliseconds:F1} ms): " +
            string.Join(", ", document.Pins.Select(p => $"{p.FunctionId.QualifiedName} -> {p.Candidate}")));
        return served;
    }

    private Dictionary<string, ServedCandidate> Fallback(Dictionary<string, ServedCandidate> none, string reason)
    {
        _fallback = reason;
        Log.Write("fallback", Settings.ManifestPath, reason);
        return none;
    }

    private Dictionary<string, ServedCandidate> DecideDev()
    {
        var served = new Dictionary<string, ServedCandidate>(StringComparer.Ordinal);
        _fallback = null;
        _manifestId = null;
        if (Settings.ManifestPath is { } path && File.Exists(path))
        {
            ServeDevManifest(path, served);
        }
        else if (Settings.ManifestPath is { } missing)
        {
            _fallback = $"the manifest {missing} does not exist";
            Log.Write("warning", missing, _fallback + "; serving baselines until it appears.");
        }
        foreach (var (qualifiedName, why) in DevOverrides.Read(OverridesPath, Log))
        {
            var key = served.Keys.FirstOrDefault(k => k.EndsWith(":" + qualifiedName, StringComparison.Ordinal));
            var route = _routes.FirstOrDefault(r => r.Key.EndsWith(":" + qualifiedName, StringComparison.Ordinal));
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
        return served;
    }

    private void ServeDevManifest(string path, Dictionary<string, ServedCandidate> served)
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
            return;
        }
        if (document is null)
        {
            Log.Write("warning", path, "the manifest is not a valid sigil/manifest@0; serving baselines.");
            return;
        }
        try
        {
            var verdict = new ManifestVerifier(new TrustStore(_projectDirectory)).Verify(bytes, new VerificationOptions { CurrentAbiHash = CurrentAbi });
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
            var current = CurrentAbi(pin.FunctionId);
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
                served[Key(pin.FunctionId)] = Bind(pin, image!, document.ManifestId);
            }
            catch (ResolutionException e)
            {
                Log.Write("skipped", document.ManifestId, $"{pin.FunctionId.QualifiedName}: {e.Message}; baseline.");
            }
        }
        _manifestId = document.ManifestId;
        Log.Write("applied", document.ManifestId, $"dev: serving {served.Count} of {document.Pins.Count} pin(s).");
    }

    private ServedCandidate Bind(ManifestPin pin, byte[] image, string? manifestId)
    {
        var route = _routes[Key(pin.FunctionId)];
        var artifact = pin.Artifact!;
        var qualified = pin.FunctionId.QualifiedName;
        var head = qualified[..qualified.IndexOf('(')];
        var methodName = head[(head.LastIndexOf('.') + 1)..];
        // An artifact is loaded once (by digest), but each pin binds its own method and delegate type from it: two pins
        // naming one artifact must not share the delegate bound first.
        var key = (artifact.Digest, artifact.EntryType, methodName, route.ImplementationType);
        if (!_bound.TryGetValue(key, out var implementation))
        {
            if (!_loaded.TryGetValue(artifact.Digest, out var assembly))
            {
                assembly = ArtifactBinder.Load(_context, image);
                _loaded[artifact.Digest] = assembly;
            }
            implementation = ArtifactBinder.Bind(assembly, artifact.EntryType, methodName, route.ImplementationType);
            _bound[key] = implementation;
        }
        var existing = route.Current;
        return existing is not null && existing.CandidateId == pin.Candidate.ToString() && existing.ManifestId == manifestId
            ? existing
            : new ServedCandidate(route.FunctionId, pin.Candidate.ToString(), manifestId, implementation);
    }

    private void Apply(Dictionary<string, ServedCandidate> decision)
    {
        foreach (var (key, route) in _routes)
        {
            route.Serve(decision.GetValueOrDefault(key));
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
                Log.Write("reload", Settings.ManifestPath, "dev: the manifest or overrides.json changed; resolving again.");
                _decision = DecideDev();
                Apply(_decision);
            }
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
}
