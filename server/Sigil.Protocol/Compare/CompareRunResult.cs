using System.Text.Json.Serialization;

namespace Sigil.Protocol.Compare;

/// <summary>The answer to <c>sigil/compare/run</c>.</summary>
public sealed record CompareRunResult
{
    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The workspace.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary>One per candidate compared.</summary>
    [JsonPropertyName("comparisons")] public IReadOnlyList<ComparisonInfo> Comparisons { get; init; } = [];
}
