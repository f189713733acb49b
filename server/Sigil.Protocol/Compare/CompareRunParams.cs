using System.Text.Json.Serialization;

namespace Sigil.Protocol.Compare;

/// <summary><c>sigil/compare/run</c>: the options of <c>sigil compare</c>.</summary>
public sealed record CompareRunParams
{
    /// <summary>The spec (required).</summary>
    [JsonPropertyName("spec")] public string? Spec { get; init; }

    /// <summary>The workspace (required).</summary>
    [JsonPropertyName("workspace")] public string? Workspace { get; init; }

    /// <summary>A candidate id or digest prefix; each pin's best correct candidate when absent.</summary>
    [JsonPropertyName("candidate")] public string? Candidate { get; init; }

    /// <summary>Interleaved paired rounds (default 100, at least 3).</summary>
    [JsonPropertyName("rounds")] public int Rounds { get; init; } = 100;

    /// <summary>Seed of the interleaving (default 1).</summary>
    [JsonPropertyName("seed")] public long Seed { get; init; } = 1;

    /// <summary>Samples replayed at most (default 1000).</summary>
    [JsonPropertyName("maxSamples")] public int MaxSamples { get; init; } = 1000;

    /// <summary>The client's progress token (string or integer): the steps are reported on it.</summary>
    [JsonPropertyName("workDoneToken")] public System.Text.Json.JsonElement? WorkDoneToken { get; init; }
}
