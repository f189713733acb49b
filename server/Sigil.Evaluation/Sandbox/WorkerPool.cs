using System.Diagnostics;
using System.Threading.Channels;
using Sigil.Evaluation.Sandbox.Protocol;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Runs candidates in sandboxed worker processes (Sigil.Worker) kept warm: each worker loads a context's baseline once
/// and then one candidate per evaluation in a collectible load context. Before a candidate is sent, the API policy
/// (<see cref="ApiPolicyChecker"/>) checks its changed code; a violation never runs. A worker that runs past the wall-time
/// limit, crashes, overflows its stack, runs out of memory, exits, or writes garbage to the protocol stream is killed
/// (its whole process tree) and replaced, and the evaluation returns the classified error: the pool never hangs and
/// never throws because of a candidate.
/// </summary>
/// <remarks>
/// <para>Workers run as <c>dotnet Sigil.Worker.dll</c> with the dotnet host that runs this process (DOTNET_HOST_PATH, the
/// runtime's root, DOTNET_ROOT or PATH: <see cref="Environment.ProcessPath"/> is not dotnet under an apphost such as the
/// <c>sigil</c> tool), with a clean environment (none of this process's variables: no API keys), the managed heap limit
/// (DOTNET_GCHeapHardLimit), an address-space limit, starting programs blocked, and the OS isolation of
/// <see cref="Isolation"/>. Exceptions are for the environment only: <see cref="SandboxUnavailableException"/> (no worker,
/// isolation required and missing) and <see cref="SandboxContextException"/> (the context's baseline or samples are bad).</para>
/// <para>A worker is also replaced before its next job after a candidate ran out of memory, after a job whose API policy
/// allowed more than pure computation, and when earlier candidates' load contexts fail to unload.</para>
/// </remarks>
public sealed class WorkerPool : IAsyncDisposable
{
    /// <summary>Candidate load contexts a worker may fail to unload before it is replaced.</summary>
    private const int MaxRetainedContexts = 16;

    private readonly WorkerLaunch _launch;
    private readonly Channel<WorkerSlot> _idle;
    private readonly List<WorkerSlot> _slots = [];
    private readonly CancellationTokenSource _disposed = new();
    private int _workersStarted;
    private int _workersReplaced;
    private int _candidatesSent;
    private int _policyRejections;
    private WorkerHello? _lastHello;
    private long _lastStartupTicks = -1;

    /// <summary>Makes a pool; workers start on first use (or <see cref="PrepareAsync"/>).</summary>
    /// <exception cref="SandboxUnavailableException">The worker or dotnet is not found, or isolation is required and missing.</exception>
    public WorkerPool(SandboxOptions? options = null)
    {
        Options = options ?? new SandboxOptions();
        if (Options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), "A pool needs at least one worker.");
        if (Options.WallTimeLimit <= TimeSpan.Zero || Options.StartTimeLimit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "Time limits must be positive.");
        if (Options.HeapLimitBytes < 32L * 1024 * 1024) throw new ArgumentOutOfRangeException(nameof(options), "The heap limit must be at least 32 MiB.");

        Isolation = IsolationProbe.For(Options.Isolation);
        var worker = Options.WorkerPath ?? Path.Combine(
            Path.GetDirectoryName(typeof(WorkerPool).Assembly.Location) is { Length: > 0 } here ? here : AppContext.BaseDirectory, "Sigil.Worker.dll");
        if (!File.Exists(worker))
            throw new SandboxUnavailableException($"The sandbox worker '{worker}' is missing: Sigil.Worker.dll must be next to Sigil.Evaluation.dll (a build of Sigil.Evaluation copies it there).");
        var dotnet = Options.DotnetPath ?? DotnetMuxer.Find()
            ?? throw new SandboxUnavailableException("The dotnet executable that runs the sandbox worker was not found (set DOTNET_ROOT, or SandboxOptions.DotnetPath).");
        _launch = new WorkerLaunch(DotnetMuxer.Resolve(dotnet), DotnetMuxer.Resolve(worker), Options, Isolation);

        _idle = Channel.CreateBounded<WorkerSlot>(Options.Workers);
        for (var i = 0; i < Options.Workers; i++)
        {
            var slot = new WorkerSlot();
            _slots.Add(slot);
            _idle.Writer.TryWrite(slot);
        }
    }

    /// <summary>The options.</summary>
    public SandboxOptions Options { get; }

    /// <summary>The OS isolation the workers run under, with a summary to show users.</summary>
    public IsolationReport Isolation { get; }

    /// <summary>Counters since the pool was made.</summary>
    public WorkerPoolStatistics Statistics => new(Volatile.Read(ref _workersStarted), Volatile.Read(ref _workersReplaced),
        Volatile.Read(ref _candidatesSent), Volatile.Read(ref _policyRejections),
        Interlocked.Read(ref _lastStartupTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null);

    /// <summary>
    /// Lines for users: the isolation, the limits, and (once a worker has started) the worker's own protections, e.g.
    /// "isolation: bubblewrap (…)", "limits: 30 s per evaluation, 512 MiB managed heap, +1 GiB address space",
    /// "process start: blocked (seccomp)".
    /// </summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            Isolation.Summary,
            $"limits: {WorkerProcess.Format(Options.WallTimeLimit)} per evaluation, {Mib(Options.HeapLimitBytes)} managed heap"
                + (Options.NativeMemoryLimitBytes is { } native ? $", +{Mib(native)} address space beyond start-up" : ", no address-space limit"),
            "environment: clean (none of this process's variables reach candidates)",
        };
        if (Volatile.Read(ref _lastHello) is { } hello)
        {
            lines.Add("process start: " + (hello.ExecBlocked ? "blocked (seccomp)" : "allowed"));
            lines.AddRange(hello.Notes.Select(note => "note: " + note));
        }

        return lines;
    }

    /// <summary>Starts every worker and prepares <paramref name="context"/> on each, so the first evaluations do not pay for it.</summary>
    /// <exception cref="SandboxContextException">The baseline does not load, the pin or eval does not resolve, or a sample does not fit.</exception>
    /// <exception cref="SandboxUnavailableException">A worker does not start.</exception>
    public async Task PrepareAsync(SandboxContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slots = new List<WorkerSlot>();
        try
        {
            for (var i = 0; i < Options.Workers; i++) slots.Add(await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));
            await Task.WhenAll(slots.Select(slot => ReadyAsync(slot, context, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var slot in slots) _idle.Writer.TryWrite(slot);
        }
    }

    /// <summary>
    /// Evaluates one candidate: policy check, then (on a warm worker with the context prepared) warm-up and paired,
    /// interleaved rounds. Failures of the candidate are a result with an <see cref="SandboxResult.ErrorClass"/>, never an exception.
    /// </summary>
    /// <exception cref="SandboxContextException">The job's context cannot be prepared (not the candidate's fault).</exception>
    /// <exception cref="SandboxUnavailableException">No worker starts.</exception>
    /// <exception cref="ArgumentException">The job is malformed (a sample index out of range, no rounds).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (the worker, if busy, was replaced).</exception>
    public async Task<SandboxResult> EvaluateAsync(SandboxJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (job.Rounds < 1) throw new ArgumentException("A job needs at least one round.", nameof(job));
        var watch = Stopwatch.StartNew();

        ApiPolicyReport policy;
        try
        {
            policy = ApiPolicyChecker.Check(job.CandidateImage, job.Policy, job.IsChangedCode);
        }
        catch (BadImageFormatException e)
        {
            return SandboxResult.Failure(SandboxErrorClass.LoadFailed, "The candidate is not a readable .NET assembly: " + e.Message) with { Elapsed = watch.Elapsed };
        }

        if (!policy.Allowed)
        {
            Interlocked.Increment(ref _policyRejections);
            return SandboxResult.PolicyViolation(policy.Violations) with { Elapsed = watch.Elapsed };
        }

        var slot = await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EvaluateOnAsync(slot, job, cancellationToken).ConfigureAwait(false) with { Elapsed = watch.Elapsed };
        }
        finally
        {
            _idle.Writer.TryWrite(slot);
        }
    }

    private async Task<SandboxResult> EvaluateOnAsync(WorkerSlot slot, SandboxJob job, CancellationToken cancellationToken)
    {
        var limit = job.WallTimeLimit ?? Options.WallTimeLimit;
        for (var attempt = 0; ; attempt++)
        {
            var worker = await ReadyAsync(slot, job.Context, cancellationToken).ConfigureAwait(false);
            WorkerResponse response;
            try
            {
                if (attempt == 0) Interlocked.Increment(ref _candidatesSent);
                response = await worker.ExchangeAsync(id => new WorkerRequest { Id = id, Type = WorkerMessageTypes.Evaluate, Evaluate = Request(job) },
                    limit, cancellationToken).ConfigureAwait(false);
            }
            catch (WorkerFailedException e)
            {
                await ReplaceAsync(slot).ConfigureAwait(false);
                return SandboxResult.Failure(e.ErrorClass, e.Message, e.Diagnostics);
            }
            catch (OperationCanceledException)
            {
                await ReplaceAsync(slot).ConfigureAwait(false);
                throw;
            }

            if (response.Type == WorkerMessageTypes.Evaluated && response.Evaluation is { } report)
            {
                // Code allowed more than pure computation may have left threads, environment changes or native state behind.
                if (job.Policy.Allowed != ApiCapability.None || report.RetainedContexts > MaxRetainedContexts) await ReplaceAsync(slot).ConfigureAwait(false);
                return SandboxResult.FromReport(report);
            }

            var error = response.Error ?? new WorkerError { Code = WorkerErrorCodes.Internal, Message = $"Unexpected answer '{response.Type}'." };
            switch (error.Code)
            {
                case WorkerErrorCodes.UnknownContext when attempt == 0:
                    worker.PreparedContexts.Remove(job.Context.Id);
                    continue; // prepared again by ReadyAsync
                case WorkerErrorCodes.LoadFailed:
                    if (job.Policy.Allowed != ApiCapability.None) await ReplaceAsync(slot).ConfigureAwait(false);
                    return SandboxResult.Failure(SandboxErrorClass.LoadFailed, "The candidate could not be loaded: " + error.Message);
                case WorkerErrorCodes.OutOfMemory:
                    await ReplaceAsync(slot).ConfigureAwait(false);
                    return SandboxResult.Failure(SandboxErrorClass.OutOfMemory,
                        $"{error.Message} The sandbox allows a {Mib(Options.HeapLimitBytes)} managed heap; the worker was replaced.");
                case WorkerErrorCodes.BadRequest:
                    throw new ArgumentException("The worker refused the job: " + error.Message, nameof(job));
                default:
                    await ReplaceAsync(slot).ConfigureAwait(false);
                    return SandboxResult.Failure(SandboxErrorClass.Crash, "The worker failed while running the candidate: " + error.Message);
            }
        }
    }

    private EvaluateRequest Request(SandboxJob job) => new()
    {
        ContextId = job.Context.Id,
        CandidateImage = job.CandidateImage,
        CandidatePdb = job.CandidatePdb,
        CandidateEntryType = job.CandidateEntryType,
        BaselineMethodImage = job.CandidateEntryType is null ? null : job.BaselineMethod?.Image,
        BaselineMethodPdb = job.CandidateEntryType is null ? null : job.BaselineMethod?.Pdb,
        BaselineMethodEntryType = job.CandidateEntryType is null ? null : job.BaselineMethod?.EntryTypeName,
        Rounds = job.Rounds,
        Seed = job.Seed,
        SampleIndices = job.SampleIndices?.ToList(),
        WarmupCalls = Math.Max(0, job.WarmupCalls),
        MaxLatencies = Options.MaxLatencies,
        MaxCapturedChars = Options.MaxCapturedOutputChars,
    };

    /// <summary>The slot's worker, alive, for the context's app directory, with the context prepared: started or replaced as needed.</summary>
    private async Task<WorkerProcess> ReadyAsync(WorkerSlot slot, SandboxContext context, CancellationToken cancellationToken)
    {
        if (slot.Replacement is { } replacement)
        {
            try
            {
                slot.Worker = await replacement.WaitAsync(cancellationToken).ConfigureAwait(false);
                slot.Replacement = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Started again below, and this time the failure is reported to the caller.
                slot.Replacement = null;
                slot.Worker = null;
            }
        }

        if (slot.Worker is { } current && (current.HasExited || current.MustRecycle || current.AppDirectory != context.AppDirectory))
        {
            if (current.HasExited || current.MustRecycle) Interlocked.Increment(ref _workersReplaced);
            await current.DisposeAsync().ConfigureAwait(false);
            slot.Worker = null;
        }

        slot.Worker ??= await StartAsync(context.AppDirectory, cancellationToken).ConfigureAwait(false);
        slot.LastContext = context;
        if (!slot.Worker.PreparedContexts.Contains(context.Id))
        {
            try
            {
                await PrepareOnAsync(slot.Worker, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SandboxContextException or OperationCanceledException)
            {
                if (slot.Worker.HasExited || slot.Worker.MustRecycle)
                {
                    await slot.Worker.DisposeAsync().ConfigureAwait(false);
                    slot.Worker = null;
                }

                throw;
            }
        }

        return slot.Worker;
    }

    private async Task<WorkerProcess> StartAsync(string appDirectory, CancellationToken cancellationToken)
    {
        var worker = await WorkerProcess.StartAsync(_launch, appDirectory, Options.StartTimeLimit, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _workersStarted);
        Volatile.Write(ref _lastHello, worker.Hello);
        Interlocked.Exchange(ref _lastStartupTicks, worker.StartupTime.Ticks);
        return worker;
    }

    private async Task PrepareOnAsync(WorkerProcess worker, SandboxContext context, CancellationToken cancellationToken)
    {
        var request = new PrepareRequest
        {
            ContextId = context.Id,
            AppDirectory = context.AppDirectory,
            BaselineImage = context.BaselineImage,
            BaselinePdb = context.BaselinePdb,
            Pin = new PinTarget
            {
                TypeName = context.Pin.TypeName,
                MethodName = context.Pin.MethodName,
                ParameterTypes = context.Pin.ParameterTypes?.ToList(),
                IsStatic = context.Pin.IsStatic,
            },
            Eval = context.Eval is { } eval ? new MethodTarget { TypeName = eval.TypeName, MethodName = eval.MethodName } : null,
            Samples = [.. context.Samples.Select(sample => sample.ToList())],
        };
        WorkerResponse response;
        try
        {
            response = await worker.ExchangeAsync(id => new WorkerRequest { Id = id, Type = WorkerMessageTypes.Prepare, Prepare = request },
                Options.StartTimeLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkerFailedException e)
        {
            worker.MustRecycle = true; // it was killed
            var why = e.ErrorClass == SandboxErrorClass.Timeout ? $"it did not finish within {WorkerProcess.Format(Options.StartTimeLimit)}" : $"{e.ErrorClass.ToCode()}: {e.Message}";
            throw new SandboxContextException($"The baseline of {context.Pin.TypeName}.{context.Pin.MethodName} could not be prepared in the sandbox ({why}).", e);
        }

        if (response.Type != WorkerMessageTypes.Prepared)
        {
            var message = response.Error?.Message ?? $"unexpected answer '{response.Type}'";
            throw new SandboxContextException($"The baseline of {context.Pin.TypeName}.{context.Pin.MethodName} could not be prepared: {message}");
        }

        worker.PreparedContexts.Add(context.Id);
    }

    /// <summary>Kills the slot's worker and starts (and prepares) a replacement in the background.</summary>
    private async Task ReplaceAsync(WorkerSlot slot)
    {
        if (slot.Worker is { } worker)
        {
            slot.Worker = null;
            await worker.DisposeAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _workersReplaced);
        }

        if (_disposed.IsCancellationRequested || slot.LastContext is not { } context) return;
        slot.Replacement = Task.Run(async () =>
        {
            var fresh = await StartAsync(context.AppDirectory, _disposed.Token).ConfigureAwait(false);
            try
            {
                await PrepareOnAsync(fresh, context, _disposed.Token).ConfigureAwait(false);
                return fresh;
            }
            catch
            {
                await fresh.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        });
    }

    /// <summary>Kills every worker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested) return;
        await _disposed.CancelAsync().ConfigureAwait(false);
        foreach (var slot in _slots)
        {
            if (slot.Worker is { } worker) await worker.DisposeAsync().ConfigureAwait(false);
            if (slot.Replacement is { } replacement)
            {
                try
                {
                    await (await replacement.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // It never became a worker: nothing to stop.
                }
            }
        }

    }

    private static string Mib(long bytes) =>
        bytes % (1024L * 1024 * 1024) == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024L * 1024 * 1024)} GiB")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");
}
