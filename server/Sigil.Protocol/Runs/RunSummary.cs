using System.Text.Json.Serialization;

namespace Sigil.Protocol.Runs;

/// <summary>What a run did (<c>sigil run --json</c>).</summary>
public sealed record RunSummary
{
    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The workspace.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary>The optimizer.</summary>
    [JsonPropertyName("optimizer")] public string Optimizer { get; init; } = "";

    /// <summary>Per pin.</summary>
    [JsonPropertyName("pins")] public IReadOnlyList<PinRunSummary> Pins { get; init; } = [];

    /// <summary>USD spent.</summary>
    [JsonPropertyName("spentUsd")] public decimal SpentUsd { get; init; }

    /// <summary>Tokens used.</summary>
    [JsonPropertyName("spentTokens")] public long SpentTokens { get; init; }

    /// <summary>The sandbox's isolation, in words.</summary>
    [JsonPropertyName("isolation")] public string Isolation { get; init; } = "";

    /// <summary>Where the best sources were written, if anywhere.</summary>
    [JsonPropertyName("materializedFolder")] public string? MaterializedFolder { get; init; }
}
