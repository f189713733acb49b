using System.Text.Json.Serialization;

namespace Sigil.Protocol.Scores;

/// <summary>One trial of a run.</summary>
public sealed record ScorePoint
{
    /// <summary>The trial's index (0-based; the iteration).</summary>
    [JsonPropertyName("index")] public int Index { get; init; }

    /// <summary>What happened (<c>evaluated</c>, <c>duplicate</c>, <c>generation-failed</c>...).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";

    /// <summary>The candidate tried, when one was built.</summary>
    [JsonPropertyName("candidate")] public string? Candidate { get; init; }

    /// <summary>The optimizer's fitness (speedup or score, by the run's objective).</summary>
    [JsonPropertyName("fitness")] public double? Fitness { get; init; }

    /// <summary>Whether the candidate was correct.</summary>
    [JsonPropertyName("feasible")] public bool? Feasible { get; init; }

    /// <summary>The measured speedup.</summary>
    [JsonPropertyName("speedup")] public double? Speedup { get; init; }

    /// <summary>The measured mean eval score.</summary>
    [JsonPropertyName("score")] public double? Score { get; init; }

    /// <summary>The best feasible fitness up to and including this trial.</summary>
    [JsonPropertyName("bestFitness")] public double? BestFitness { get; init; }

    /// <summary>The generator that proposed it.</summary>
    [JsonPropertyName("generator")] public string? Generator { get; init; }

    /// <summary>The optimizer's operator or label.</summary>
    [JsonPropertyName("operator")] public string? Operator { get; init; }

    /// <summary>When.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }
}
