using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary>What a run found for one pin.</summary>
public sealed record PinRunSummary
{
    /// <summary>The pin's qualified name.</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The pin's FunctionID.</summary>
    [JsonPropertyName("functionId")] public string FunctionId { get; init; } = "";

    /// <summary>The run log's id, <c>run://b3:…</c>.</summary>
    [JsonPropertyName("runId")] public string RunId { get; init; } = "";

    /// <summary>Trials made (resumed ones included).</summary>
    [JsonPropertyName("trials")] public int Trials { get; init; }

    /// <summary>Trials answered from the log on resume.</summary>
    [JsonPropertyName("resumed")] public int Resumed { get; init; }

    /// <summary>New candidates evaluated.</summary>
    [JsonPropertyName("evaluated")] public int Evaluated { get; init; }

    /// <summary>The baseline's fitness (null when not a finite number).</summary>
    [JsonPropertyName("baselineFitness")] public double? BaselineFitness { get; init; }

    /// <summary>The best feasible candidate, or null when none beat the baseline.</summary>
    [JsonPropertyName("bestCandidate")] public string? BestCandidate { get; init; }

    /// <summary>Its fitness (null when not a finite number).</summary>
    [JsonPropertyName("bestFitness")] public double? BestFitness { get; init; }

    /// <summary>Its metrics.</summary>
    [JsonPropertyName("bestMetrics")] public IReadOnlyDictionary<string, double> BestMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Whether the best passed the acceptance rule on the holdout.</summary>
    [JsonPropertyName("accepted")] public bool Accepted { get; init; }

    /// <summary>The acceptance rule's reason.</summary>
    [JsonPropertyName("verdict")] public string Verdict { get; init; } = "";

    /// <summary>Visible samples.</summary>
    [JsonPropertyName("visibleSamples")] public int VisibleSamples { get; init; }

    /// <summary>Holdout samples.</summary>
    [JsonPropertyName("holdoutSamples")] public int HoldoutSamples { get; init; }

    /// <summary>Why the optimizer stopped.</summary>
    [JsonPropertyName("stopReason")] public string StopReason { get; init; } = "";
}
