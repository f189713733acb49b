using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sigil.Evaluation.Sandbox.Protocol;
using Sigil.Worker.Loading;
using Sigil.Worker.Running;

namespace Sigil.Worker;

/// <summary>
/// The worker's request loop: one request at a time from the host, one response each. A request that fails for a
/// reason the host should know (the candidate does not load, ran out of memory) is answered with an error and the
/// worker stays usable; only a broken protocol stream ends the loop.
/// </summary>
internal sealed class WorkerLoop
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly TextWriter _diagnostics;
    private readonly OutputCapture _capture;
    private readonly WorkerHello _hello;
    private readonly ContextCache _contexts = new();
    private readonly List<WeakReference> _unloaded = [];
    private readonly Lock _writeGate = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private long _busyWith;
    private long _serial;

    public WorkerLoop(Stream input, Stream output, TextWriter diagnostics, OutputCapture capture, WorkerHello hello)
    {
        _input = input;
        _output = output;
        _diagnostics = diagnostics;
        _capture = capture;
        _hello = hello;
    }

    /// <summary>Serves requests until the host closes stdin or asks to shut down; the process exit code.</summary>
    public int Run()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ReportExit();
        Send(new WorkerResponse { Type = WorkerMessageTypes.Ready, Hello = _hello });
        while (true)
        {
            byte[]? frame;
            try
            {
                frame = FrameCodec.Read(_input, FrameCodec.MaxRequestBytes);
            }
            catch (InvalidDataException e)
            {
                _diagnostics.WriteLine("sigil-worker: protocol violation from the host: " + e.Message);
                return 3;
            }

            if (frame is null) return 0;
            WorkerRequest request;
            try
            {
                request = ProtocolJson.Deserialize<WorkerRequest>(frame);
            }
            catch (JsonException e)
            {
                Send(Error(0, WorkerErrorCodes.BadRequest, "The request is not valid JSON: " + e.Message));
                continue;
            }

            Interlocked.Exchange(ref _busyWith, request.Id);
            var response = Handle(request);
            Interlocked.Exchange(ref _busyWith, 0);
            Send(response);
            if (request.Type == WorkerMessageTypes.Shutdown) return 0;
            if (response.Error?.Code == WorkerErrorCodes.OutOfMemory) GC.Collect();
        }
    }

    private WorkerResponse Handle(WorkerRequest request)
    {
        try
        {
            return request.Type switch
            {
                WorkerMessageTypes.Ping or WorkerMessageTypes.Shutdown => new WorkerResponse { Id = request.Id, Type = WorkerMessageTypes.Pong },
                WorkerMessageTypes.Prepare when request.Prepare is { } prepare => Prepare(request.Id, prepare),
                WorkerMessageTypes.Evaluate when request.Evaluate is { } evaluate => Evaluate(request.Id, evaluate),
                _ => Error(request.Id, WorkerErrorCodes.BadRequest, $"Unknown request '{request.Type}' or its payload is missing."),
            };
        }
        catch (LoadFailedException e)
        {
            return Error(request.Id, WorkerErrorCodes.LoadFailed, e.Message);
        }
        catch (OutOfMemoryInCallException e)
        {
            return Error(request.Id, WorkerErrorCodes.OutOfMemory, e.Message);
        }
        catch (OutOfMemoryException)
        {
            return Error(request.Id, WorkerErrorCodes.OutOfMemory, "The worker ran out of memory (OutOfMemoryException).");
        }
        catch (ArgumentException e)
        {
            return Error(request.Id, WorkerErrorCodes.BadRequest, e.Message);
        }
        catch (Exception e)
        {
            _diagnostics.WriteLine("sigil-worker: " + e);
            return Error(request.Id, WorkerErrorCodes.Internal, $"{e.GetType().FullName}: {e.Message}");
        }
    }

    private WorkerResponse Prepare(long id, PrepareRequest request)
    {
        _capture.Reset(0);
        var (context, report) = PreparedContext.Prepare(request);
        _contexts.Add(context);
        return new WorkerResponse { Id = id, Type = WorkerMessageTypes.Prepared, Prepared = report };
    }

    private WorkerResponse Evaluate(long id, EvaluateRequest request)
    {
        if (_contexts.Find(request.ContextId) is not { } context)
            return Error(id, WorkerErrorCodes.UnknownContext, $"The context '{request.ContextId}' is not prepared in this worker.");

        // A clean heap for the measurement, and a count of earlier candidates that did not unload. An unloaded context
        // needs up to three collections to go (its reflection invoke stubs are finalized first; measured).
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _unloaded.RemoveAll(reference => !reference.IsAlive);
            if (_unloaded.Count == 0) break;
        }

        var retained = _unloaded.Count;

        // Process-wide state pure code can still change (culture): back to the start-up values for every evaluation.
        CultureInfo.DefaultThreadCurrentCulture = null;
        CultureInfo.DefaultThreadCurrentUICulture = null;
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        _capture.Reset(request.MaxCapturedChars);
        var report = RunCandidate(context, request, ++_serial);
        var (captured, dropped) = _capture.Take();
        return new WorkerResponse
        {
            Id = id,
            Type = WorkerMessageTypes.Evaluated,
            Evaluation = new EvaluationReport
            {
                BaselineRoundNs = report.BaselineRoundNs,
                CandidateRoundNs = report.CandidateRoundNs,
                BaselineLatencyNs = report.BaselineLatencyNs,
                CandidateLatencyNs = report.CandidateLatencyNs,
                LatencyStride = report.LatencyStride,
                ReturnsValue = report.ReturnsValue,
                Samples = report.Samples,
                CandidateExceptions = report.CandidateExceptions,
                CandidateAllocatedBytes = report.CandidateAllocatedBytes,
                CandidateCpuNs = report.CandidateCpuNs,
                PeakWorkingSetBytes = report.PeakWorkingSetBytes,
                CapturedOutput = captured,
                CapturedOutputDropped = dropped,
                RetainedContexts = retained,
                FirstRoundOrder = report.FirstRoundOrder,
                FirstRoundBaselineFirst = report.FirstRoundBaselineFirst,
                ScheduleDigest = report.ScheduleDigest,
                ElapsedMs = report.ElapsedMs,
            },
        };
    }

    /// <summary>Loads, runs and unloads the candidate; not inlined, so no reference to it survives on this stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private EvaluationReport RunCandidate(PreparedContext context, EvaluateRequest request, long serial)
    {
        var candidate = CandidateContext.Create(context, request, serial);
        CandidateContext? twin = null;
        try
        {
            twin = CandidateContext.CreateBaselineTwin(context, request, serial);
            return new PairedRunner(context, candidate, request, twin?.Pin).Run();
        }
        finally
        {
            _unloaded.Add(new WeakReference(candidate.Load));
            candidate.Dispose();
            if (twin is not null)
            {
                _unloaded.Add(new WeakReference(twin.Load));
                twin.Dispose();
            }
        }
    }

    /// <summary>Tells the host the process is exiting in the middle of a request (a candidate called Environment.Exit).</summary>
    private void ReportExit()
    {
        var busy = Interlocked.Read(ref _busyWith);
        if (busy == 0) return;
        try
        {
            Send(new WorkerResponse { Id = busy, Type = WorkerMessageTypes.Exiting, ExitCode = Environment.ExitCode });
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The host is gone: nothing to tell.
        }
    }

    private static WorkerResponse Error(long id, string code, string message) =>
        new() { Id = id, Type = WorkerMessageTypes.Error, Error = new WorkerError { Code = code, Message = message } };

    private void Send(WorkerResponse response)
    {
        var body = ProtocolJson.Serialize(response);
        lock (_writeGate) FrameCodec.Write(_output, body);
    }
}
