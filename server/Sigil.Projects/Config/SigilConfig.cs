using System.Text.Json.Serialization;

namespace Sigil.Projects.Config;

/// <summary>The contents of <c>sigil.json</c>. Secrets never live here: the API key is read from the environment variable it names.</summary>
public sealed record SigilConfig
{
    /// <summary>The project file (.csproj), relative to the project root.</summary>
    [JsonPropertyName("project")] public string? Project { get; init; }

    /// <summary>The OpenAI-compatible endpoint.</summary>
    [JsonPropertyName("llm")] public LlmConfig Llm { get; init; } = new();

    /// <summary>Resolver settings.</summary>
    [JsonPropertyName("resolver")] public ResolverConfig Resolver { get; init; } = new();
}
