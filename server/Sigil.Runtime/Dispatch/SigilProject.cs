using System.ComponentModel;
using System.Runtime.CompilerServices;
using Sigil.Runtime.Resolution;
using Sigil.Runtime.Tracking;

namespace Sigil.Runtime;

/// <summary>
/// The Sigil state of one project inside a running app: its specs, its tracker switch (<c>.sigil/tracker.json</c>,
/// polled) and its sample writer. Created by the generated module initializer through <see cref="PinRegistry"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SigilProject
{
    private readonly Dictionary<string, SpecDescriptor> _specs = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly TrackerControl? _control;
    private readonly ProjectResolver _resolver;
    private IPinDrain[] _trackers = [];
    private SampleLogWriter? _writer;
    private volatile bool _trackingEnabled;
    private long _registrationTicks;

    internal SigilProject(string projectDirectory, IEnumerable<SpecDescriptor> specs, bool watchTracker)
    {
        ProjectDirectory = projectDirectory;
        SigilDirectory = Path.Combine(projectDirectory, ".sigil");
        AddSpecs(specs);
        _resolver = new ProjectResolver(projectDirectory, SigilDirectory, ResolverSettings.Read(projectDirectory), PinRegistry.RecomputeGate);
        if (watchTracker)
        {
            _control = new TrackerControl(SigilDirectory, OnTrackerChanged);
        }
    }

    /// <summary>The project root (where <c>sigil.json</c> and <c>.sigil/</c> live).</summary>
    public string ProjectDirectory { get; }

    /// <summary>The project's <c>.sigil</c> directory.</summary>
    public string SigilDirectory { get; }

    /// <summary>True while the project's tracker is on.</summary>
    public bool TrackingEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _trackingEnabled;
    }

    /// <summary>True while at least one pin is served by an approved candidate (see <see cref="Resolution"/>).</summary>
    public bool Serving => _resolver.Serving;

    /// <summary>
    /// What the resolver decided: mode, manifest, fallback reason and the served pins with their call counts; whether
    /// the decision is still pending (background timing), how long it took and when it was applied.
    /// </summary>
    public ResolutionStatus Resolution => _resolver.Status with { RegistrationTime = TimeSpan.FromTicks(Interlocked.Read(ref _registrationTicks)) };

    /// <summary>
    /// Waits until the resolver's first decision is applied to the pins registered so far (with background timing,
    /// the default, it is made on a worker thread while the app starts; until then every pin runs its baseline).
    /// Returns at once in off mode. False if not decided within <paramref name="timeout"/>.
    /// For apps that must serve their first call as decided: call it before that call, or set
    /// <c>SIGIL_RESOLVE=startup</c> (MSBuild <c>SigilResolve</c>).
    /// </summary>
    public bool WaitForResolution(TimeSpan timeout) => _resolver.WaitForDecision(timeout);

    /// <summary>The resolver's log lines written by this process (also in <c>.sigil/resolver/resolver.log</c>).</summary>
    public IReadOnlyList<string> ResolverLog => _resolver.Log.Lines;

    /// <summary>The specs declared by the assemblies of this project loaded so far.</summary>
    public IReadOnlyCollection<SpecDescriptor> Specs
    {
        get
        {
            lock (_gate)
            {
                return _specs.Values.ToArray();
            }
        }
    }

    internal IPinDrain[] Trackers => Volatile.Read(ref _trackers);

    /// <summary>The resolver's mode as configured (environment or runtimeconfig), for the sample log's segment headers.</summary>
    internal ResolverMode ResolverMode => _resolver.Settings.Mode;

    /// <summary>Creates the tracker of a pin (called once per pin by generated code).</summary>
    public PinTracker<TArgs, TResult> Register<TArgs, TResult>(PinDescriptor pin) where TArgs : struct, ITuple
    {
        ArgumentNullException.ThrowIfNull(pin);
        var tracker = new PinTracker<TArgs, TResult>(this, pin, StoresRaw(pin.Spec));
        lock (_gate)
        {
            _trackers = [.. _trackers, tracker];
        }
        return tracker;
    }

    /// <summary>Serves an assembly's pins as the resolver decides (called once per assembly by generated code).</summary>
    public void Route(PinRoute[] routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _resolver.Attach(routes);
    }

    /// <summary>Whether the spec permits storing raw values (false for an unknown spec).</summary>
    public bool StoresRaw(string spec)
    {
        lock (_gate)
        {
            return _specs.TryGetValue(spec, out var descriptor) && descriptor.StoreRawInputs;
        }
    }

    /// <summary>Writes out every queued call now (tests and graceful shutdown).</summary>
    public void Flush() => _writer?.FlushNow();

    internal void AddSpecs(IEnumerable<SpecDescriptor> specs)
    {
        lock (_gate)
        {
            foreach (var spec in specs)
            {
                _specs.TryAdd(spec.Name, spec);
            }
        }
    }

    internal void WakeWriter() => _writer?.Wake();

    internal void AddRegistrationTime(TimeSpan elapsed) => Interlocked.Add(ref _registrationTicks, elapsed.Ticks);

    private void OnTrackerChanged(bool enabled)
    {
        lock (_gate)
        {
            if (enabled && _writer is null)
            {
                _writer = new SampleLogWriter(this);
            }
        }
        _trackingEnabled = enabled;
        PinRegistry.RecomputeGate();
        _writer?.Wake();
    }
}
