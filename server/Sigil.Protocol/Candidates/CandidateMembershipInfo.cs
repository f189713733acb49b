using System.Text.Json.Serialization;

namespace Sigil.Protocol.Candidates;

/// <summary>A spec and workspace holding a candidate.</summary>
public sealed record CandidateMembershipInfo
{
    /// <summary>The spec.</summary>
    [JsonPropertyName("spec")] public string Spec { get; init; } = "";

    /// <summary>The workspace.</summary>
    [JsonPropertyName("workspace")] public string Workspace { get; init; } = "";

    /// <summary>What the change is.</summary>
    [JsonPropertyName("summary")] public string Summary { get; init; } = "";

    /// <summary>The optimizer that made it.</summary>
    [JsonPropertyName("optimizer")] public string? Optimizer { get; init; }

    /// <summary>The generator kind (<c>llm</c>, <c>rules</c>...).</summary>
    [JsonPropertyName("generator")] public string? Generator { get; init; }

    /// <summary>The model, for LLM candidates.</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }

    /// <summary>When it was stored there.</summary>
    [JsonPropertyName("createdAt")] public DateTimeOffset CreatedAt { get; init; }
}
