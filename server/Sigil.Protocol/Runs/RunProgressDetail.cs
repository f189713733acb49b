using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary>One progress event of a run, as the run service reports it.</summary>
public sealed record RunProgressDetail
{
    /// <summary>The run token.</summary>
    [JsonPropertyName("token")] public string Token { get; init; } = "";

    /// <summary><c>opening</c>, <c>samples</c>, <c>baseline</c>, <c>searching</c>, <c>holdout</c>, <c>done</c>.</summary>
    [JsonPropertyName("phase")] public string Phase { get; init; } = "";

    /// <summary>The pin, when there is one.</summary>
    [JsonPropertyName("pin")] public string? Pin { get; init; }

    /// <summary>1-based index of the pin.</summary>
    [JsonPropertyName("pinIndex")] public int PinIndex { get; init; }

    /// <summary>Pins in the run.</summary>
    [JsonPropertyName("pinCount")] public int PinCount { get; init; }

    /// <summary>Trials made for this pin.</summary>
    [JsonPropertyName("trial")] public int Trial { get; init; }

    /// <summary>Trials planned for this pin.</summary>
    [JsonPropertyName("trials")] public int Trials { get; init; }

    /// <summary>The best feasible fitness so far.</summary>
    [JsonPropertyName("bestFitness")] public double? BestFitness { get; init; }

    /// <summary>USD spent.</summary>
    [JsonPropertyName("spentUsd")] public decimal SpentUsd { get; init; }

    /// <summary>Tokens used.</summary>
    [JsonPropertyName("spentTokens")] public long SpentTokens { get; init; }
}
