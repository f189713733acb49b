using System.Text.Json.Serialization;

namespace Sigil.Protocol.Scores;

/// <summary>The answer to <c>sigil/scores/history</c>: one series per run and pin, oldest run first.</summary>
public sealed record ScoresHistoryResult
{
    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The series (empty when the spec has no runs).</summary>
    [JsonPropertyName("series")] public IReadOnlyList<ScoreSeries> Series { get; init; } = [];
}
