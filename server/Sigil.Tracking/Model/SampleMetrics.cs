using System.Text.Json.Serialization;

namespace Sigil.Tracking.Model;

/// <summary>The call's metrics: the eval function's score and the call's latency.</summary>
public sealed record SampleMetrics
{
    /// <summary>The eval score; null when the eval threw or the call faulted.</summary>
    [JsonPropertyName("score")] public double? Score { get; init; }

    /// <summary>Wall-clock latency of the pinned call alone (the eval is not included), nanoseconds.</summary>
    [JsonPropertyName("latency_ns")] public long LatencyNanoseconds { get; init; }

    /// <summary>The exception type the pinned method threw, if it did.</summary>
    [JsonPropertyName("error")] public string? Error { get; init; }

    /// <summary>The exception type the eval function threw, if it did.</summary>
    [JsonPropertyName("eval_error")] public string? EvalError { get; init; }
}
