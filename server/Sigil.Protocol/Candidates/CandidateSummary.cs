using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary>One candidate as <c>sigil inspect-solutions</c> lists it.</summary>
public sealed record CandidateSummary
{
    /// <summary>The workspace holding it.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary>The pin's qualified name.</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The pin's FunctionID.</summary>
    [JsonPropertyName("functionId")] public string FunctionId { get; init; } = "";

    /// <summary>The candidate id, <c>diff://b3:…</c>.</summary>
    [JsonPropertyName("candidate")] public string Candidate { get; init; } = "";

    /// <summary>What the change is.</summary>
    [JsonPropertyName("summary")] public string Summary { get; init; } = "";

    /// <summary>The evaluator (the eval function, or <c>outputs-equal</c>).</summary>
    [JsonPropertyName("evalFunction")] public string EvalFunction { get; init; } = "";

    /// <summary>Correct on the searched samples.</summary>
    [JsonPropertyName("correct")] public bool Correct { get; init; }

    /// <summary>Why not, when not.</summary>
    [JsonPropertyName("errorClass")] public string? ErrorClass { get; init; }

    /// <summary>The speedup point estimate (0 when not measured).</summary>
    [JsonPropertyName("speedup")] public double Speedup { get; init; }

    /// <summary>Its metrics on the searched samples (speedup, speedup_ci_low/high, score_mean, p50_ns...).</summary>
    [JsonPropertyName("metrics")] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The holdout verdict: true accepted, false not, null never checked.</summary>
    [JsonPropertyName("holdoutAccepted")] public bool? HoldoutAccepted { get; init; }

    /// <summary>When it was stored in the workspace.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Calls apps have served with it (runtime resolver usage).</summary>
    [JsonPropertyName("servedCalls")] public long ServedCalls { get; init; }
}
