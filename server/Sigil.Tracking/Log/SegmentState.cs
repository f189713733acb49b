using System.Globalization;
using System.Text.Json;
using Sigil.Tracking.Model;
using static Sigil.Runtime.Tracking.SampleLogFormat;

namespace Sigil.Tracking.Log;

/// <summary>The header and pin table of a segment, used to expand compact call frames into full records.</summary>
internal sealed class SegmentState(string name)
{
    private JsonElement _environment;
    private string _tracePrefix = new('0', 16);
    private string _resolverMode = "off";
    private SegmentClock _clock;
    private bool _hasHeader;
    private long _previousStart;
    private ulong _sequence;

    public Dictionary<ushort, JsonElement> Pins { get; } = [];

    public void ApplyHeader(JsonElement header)
    {
        _environment = header.GetProperty("environment");
        _tracePrefix = header.GetProperty("trace_prefix").GetString() ?? _tracePrefix;
        _resolverMode = header.GetProperty("resolver_mode").GetString() ?? "off";
        _clock = SegmentClock.FromHeader(header);
        _previousStart = _clock.Stopwatch;
        _hasHeader = true;
    }

    public SampleRecord DecodeCall(ReadOnlySpan<byte> payload)
    {
        if (!_hasHeader)
        {
            throw new InvalidDataException("call frame before the segment header");
        }
        var reader = new ValueDecoder(payload, 1);
        var pin = Pins[checked((ushort)reader.VarU64())];
        var flags = (CallFlags)reader.U8();
        var start = _previousStart + reader.VarI64();
        var elapsed = (long)reader.VarU64();
        long? cpu = flags.HasFlag(CallFlags.CpuSampled) ? (long)reader.VarU64() : null;
        long? allocated = flags.HasFlag(CallFlags.AllocUnknown) ? null : (long)reader.VarU64();
        var score = reader.F64();
        var inputs = new Dictionary<string, ValueSummary>(StringComparer.Ordinal);
        foreach (var parameter in pin.GetProperty("parameters").EnumerateArray())
        {
            inputs[parameter.GetProperty("name").GetString()!] = reader.Value(parameter.GetProperty("type").GetString()!);
        }
        var output = reader.Value(pin.GetProperty("return_type").GetString()!);
        var error = flags.HasFlag(CallFlags.Fault) ? reader.ShortString() : null;
        var evalError = flags.HasFlag(CallFlags.EvalError) ? reader.ShortString() : null;
        if (reader.Offset != payload.Length)
        {
            throw new InvalidDataException("call frame has trailing bytes");
        }
        _previousStart = start;
        var sequence = ++_sequence;
        var timestamp = _clock.ToUtc(start);
        return new SampleRecord
        {
            TraceId = _tracePrefix + sequence.ToString("x16", CultureInfo.InvariantCulture),
            Timestamp = timestamp,
            FunctionId = pin.GetProperty("function_id").GetString()!,
            CandidateId = pin.GetProperty("candidate_id").GetString() ?? "baseline",
            ResolverMode = _resolverMode,
            Allocation = pin.GetProperty("allocation"),
            Spec = pin.GetProperty("spec").GetString()!,
            Workspace = pin.GetProperty("workspace").GetString()!,
            EvalFunction = pin.GetProperty("eval").GetString()!,
            Metrics = new SampleMetrics
            {
                Score = double.IsNaN(score) ? null : score,
                LatencyNanoseconds = elapsed,
                Error = error,
                EvalError = evalError,
            },
            Resources = new SampleResources
            {
                WallNanoseconds = elapsed,
                CpuNanoseconds = cpu,
                AllocatedBytes = allocated,
            },
            Inputs = inputs,
            Output = output,
            Environment = _environment,
            Segment = name,
        };
    }
}
