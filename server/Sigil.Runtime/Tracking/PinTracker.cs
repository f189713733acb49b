using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Sigil.Runtime.Tracking;
using static Sigil.Runtime.Tracking.SampleLogFormat;

namespace Sigil.Runtime;

/// <summary>
/// Records the calls of one pin while its project's tracker is on. The calling thread only takes timestamps and
/// pushes a preallocated struct into a lock-free ring; sketches and file writes happen on the writer thread.
/// Inputs of mutable types are sketched before the call (the call may mutate them).
/// </summary>
/// <typeparam name="TArgs">The pin's parameters as a value tuple.</typeparam>
/// <typeparam name="TResult">The pin's (awaited) result; <see cref="ValueTuple"/> for void.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PinTracker<TArgs, TResult> : IPinDrain where TArgs : struct, ITuple
{
    /// <summary>
    /// CPU time is measured on one call in this many: reading a thread's CPU clock is a system call (~0.5 µs here),
    /// so measuring every call would cost more than the whole tracking budget.
    /// </summary>
    public const int CpuSampleEvery = 256;

    private const int RingCapacity = 4096;
    private static readonly bool s_eagerInputs = TupleEncoder<TArgs>.HasMutableElements;
    private static readonly bool s_voidResult = typeof(TResult) == typeof(ValueTuple);
    private static readonly bool s_eagerOutput = !s_voidResult && !ImmutableTypes.IsImmutable(typeof(TResult));

    private readonly SigilProject _project;
    private readonly SampleRing<Entry> _ring;
    private readonly bool[] _sensitive;
    private readonly bool _raw;
    private int _cpuCounter;
    private int _segmentGeneration = -1;
    private ushort _segmentPinIndex;

    internal PinTracker(SigilProject project, PinDescriptor pin, bool storeRaw)
    {
        if (TupleEncoder<TArgs>.ElementTypes.Length != pin.ParameterNames.Count)
        {
            throw new ArgumentException($"Pin {pin.FunctionId} declares {pin.ParameterNames.Count} parameters but its argument tuple has {TupleEncoder<TArgs>.ElementTypes.Length}.");
        }
        _project = project;
        Pin = pin;
        _raw = storeRaw;
        _sensitive = pin.Sensitive.ToArray();
        _ring = new SampleRing<Entry>(RingCapacity, project.WakeWriter);
    }

    /// <summary>The pin.</summary>
    public PinDescriptor Pin { get; }

    /// <summary>True while the project's tracker is on.</summary>
    public bool Enabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _project.TrackingEnabled;
    }

    /// <summary>How many calls this tracker has queued for the log since the process started.</summary>
    public long Recorded => _ring.Enqueued;

    /// <summary>Starts measuring a call (sketching mutable inputs first).</summary>
    public CallToken Begin(in TArgs args)
    {
        CallToken call = default;
        if (s_eagerInputs)
        {
            call.EagerInputs = EncodeInputs(args);
        }
        call.CpuStart = !Pin.IsAsync && ++_cpuCounter % CpuSampleEvery == 0 ? ThreadCpuClock.NowNanoseconds() : -1;
        call.StartAllocated = Pin.IsAsync ? 0 : GC.GetAllocatedBytesForCurrentThread();
        call.StartTimestamp = Stopwatch.GetTimestamp();
        return call;
    }

    /// <summary>Stops measuring a call (before its eval runs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void End(ref CallToken call)
    {
        call.ElapsedTicks = Stopwatch.GetTimestamp() - call.StartTimestamp;
        call.Allocated = Pin.IsAsync ? -1 : GC.GetAllocatedBytesForCurrentThread() - call.StartAllocated;
        call.CpuNanoseconds = call.CpuStart >= 0 ? ThreadCpuClock.NowNanoseconds() - call.CpuStart : -1;
    }

    /// <summary>Records a call whose pinned method threw.</summary>
    public void Fail(ref CallToken call, in TArgs args, Exception error)
    {
        End(ref call);
        var entry = new Entry { Args = args, Call = call, Score = double.NaN, ErrorType = error.GetType().FullName };
        Push(in entry);
    }

    /// <summary>Records a completed call, its result and the eval function's score.</summary>
    public void Record(ref CallToken call, in TArgs args, TResult result, double score, Exception? evalError)
    {
        var entry = new Entry
        {
            Args = args,
            Result = result,
            Call = call,
            Score = score,
            EvalErrorType = evalError?.GetType().FullName,
            EagerOutput = s_eagerOutput ? EncodeOutput(result) : null,
        };
        Push(in entry);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(in Entry entry) => _ring.Enqueue(in entry);

    int IPinDrain.Drain(FrameWriter writer, SampleLogWriter segment, int max)
    {
        var count = 0;
        while (count < max && _ring.TryDequeue(out var entry))
        {
            WriteCall(writer, segment, in entry);
            count++;
        }
        return count;
    }

    private void WriteCall(FrameWriter writer, SampleLogWriter segment, in Entry entry)
    {
        if (_segmentGeneration != segment.Generation)
        {
            _segmentPinIndex = segment.IndexOf(this);
            _segmentGeneration = segment.Generation;
        }
        var flags = CallFlags.None;
        if (entry.ErrorType is not null) flags |= CallFlags.Fault;
        if (entry.EvalErrorType is not null) flags |= CallFlags.EvalError;
        if (entry.Call.CpuNanoseconds >= 0) flags |= CallFlags.CpuSampled;
        if (entry.Call.Allocated < 0) flags |= CallFlags.AllocUnknown;
        writer.BeginFrame(FrameKind.Call);
        writer.VarU64(_segmentPinIndex);
        writer.U8((byte)flags);
        writer.VarI64(segment.StartDelta(entry.Call.StartTimestamp));
        writer.VarU64((ulong)Math.Max(0, segment.TicksToNanoseconds(entry.Call.ElapsedTicks)));
        if ((flags & CallFlags.CpuSampled) != 0) writer.VarU64((ulong)Math.Max(0, entry.Call.CpuNanoseconds));
        if ((flags & CallFlags.AllocUnknown) == 0) writer.VarU64((ulong)Math.Max(0, entry.Call.Allocated));
        writer.F64(entry.Score);
        if (entry.Call.EagerInputs is { } inputs)
        {
            writer.Bytes(inputs);
        }
        else
        {
            TupleEncoder<TArgs>.Encode(writer, entry.Args, _sensitive, _raw);
        }
        if (entry.ErrorType is not null || s_voidResult)
        {
            writer.U8((byte)ValueTag.None);
        }
        else if (entry.EagerOutput is { } output)
        {
            writer.Bytes(output);
        }
        else
        {
            ValueSketcher.Encode(writer, entry.Result, sensitive: false, _raw);
        }
        if (entry.ErrorType is not null) writer.ShortString(entry.ErrorType);
        if (entry.EvalErrorType is not null) writer.ShortString(entry.EvalErrorType);
        writer.EndFrame();
    }

    private byte[] EncodeInputs(in TArgs args)
    {
        var scratch = new FrameWriter();
        TupleEncoder<TArgs>.Encode(scratch, args, _sensitive, _raw);
        return scratch.Written.ToArray();
    }

    private byte[] EncodeOutput(TResult result)
    {
        var scratch = new FrameWriter();
        ValueSketcher.Encode(scratch, result, sensitive: false, _raw);
        return scratch.Written.ToArray();
    }

    private struct Entry
    {
        public TArgs Args;
        public TResult Result;
        public CallToken Call;
        public double Score;
        public string? ErrorType;
        public string? EvalErrorType;
        public byte[]? EagerOutput;
    }
}
