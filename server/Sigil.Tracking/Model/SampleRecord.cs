using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigil.Tracking.Model;

/// <summary>One tracked call, with every field the spec lists for a tracker record.</summary>
public sealed record SampleRecord
{
    /// <summary>Unique id: the segment's random prefix and the record's sequence number, 32 hex characters.</summary>
    [JsonPropertyName("trace_id")] public required string TraceId { get; init; }

    /// <summary>When the call started (UTC).</summary>
    [JsonPropertyName("timestamp")] public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The pin's FunctionID.</summary>
    [JsonPropertyName("function_id")] public required string FunctionId { get; init; }

    /// <summary>The candidate that served the call, or "baseline".</summary>
    [JsonPropertyName("candidate_id")] public required string CandidateId { get; init; }

    /// <summary>off, dev or prod.</summary>
    [JsonPropertyName("resolver_mode")] public required string ResolverMode { get; init; }

    /// <summary>The allocation arm (for staged experiments): baseline with share 1 until manifests allocate traffic.</summary>
    [JsonPropertyName("allocation")] public required JsonElement Allocation { get; init; }

    /// <summary>The spec the pin belongs to.</summary>
    [JsonPropertyName("spec")] public required string Spec { get; init; }

    /// <summary>The pin's serving workspace.</summary>
    [JsonPropertyName("workspace")] public required string Workspace { get; init; }

    /// <summary>The eval function.</summary>
    [JsonPropertyName("eval_function")] public required string EvalFunction { get; init; }

    /// <summary>Score and latency.</summary>
    [JsonPropertyName("metrics")] public required SampleMetrics Metrics { get; init; }

    /// <summary>Wall time, CPU time, allocated bytes.</summary>
    [JsonPropertyName("resources")] public required SampleResources Resources { get; init; }

    /// <summary>Input summaries by parameter name.</summary>
    [JsonPropertyName("inputs")] public required IReadOnlyDictionary<string, ValueSummary> Inputs { get; init; }

    /// <summary>Output summary.</summary>
    [JsonPropertyName("output")] public required ValueSummary Output { get; init; }

    /// <summary>Runtime and dependency versions of the process that made the call.</summary>
    [JsonPropertyName("environment")] public required JsonElement Environment { get; init; }

    /// <summary>The segment file holding the record.</summary>
    [JsonPropertyName("segment")] public required string Segment { get; init; }
}
