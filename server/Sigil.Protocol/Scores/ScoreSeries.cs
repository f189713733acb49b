using System.Text.Json.Serialization;

namespace Sigil.Protocol.Scores;

/// <summary>The trials of one run on one pin, in order, with the baseline to draw as a line.</summary>
public sealed record ScoreSeries
{
    /// <summary>The run id, <c>run://b3:…</c>.</summary>
    [JsonPropertyName("runId")] public string RunId { get; init; } = "";

    /// <summary>The workspace.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary>The pin's qualified name.</summary>
    [JsonPropertyName("pin")] public string Pin { get; init; } = "";

    /// <summary>The pin's FunctionID.</summary>
    [JsonPropertyName("functionId")] public string FunctionId { get; init; } = "";

    /// <summary>The optimizer.</summary>
    [JsonPropertyName("optimizer")] public string Optimizer { get; init; } = "";

    /// <summary>Trials planned.</summary>
    [JsonPropertyName("iterations")] public int Iterations { get; init; }

    /// <summary>When the run started.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The baseline.</summary>
    [JsonPropertyName("baseline")] public ScoreBaseline Baseline { get; init; } = new();

    /// <summary>One point per trial made, by index.</summary>
    [JsonPropertyName("points")] public IReadOnlyList<ScorePoint> Points { get; init; } = [];
}
