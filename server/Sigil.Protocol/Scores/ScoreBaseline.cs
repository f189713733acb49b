using System.Text.Json.Serialization;

namespace Sigil.Protocol.Scores;

/// <summary>The baseline's line on a score chart.</summary>
public sealed record ScoreBaseline
{
    /// <summary>The baseline's speedup: 1 by definition.</summary>
    [JsonPropertyName("speedup")] public double Speedup { get; init; } = 1.0;

    /// <summary>The baseline's mean eval score, as the trials' evaluations measured it (null without an eval score).</summary>
    [JsonPropertyName("score")] public double? Score { get; init; }
}
