using System.Text.Json.Serialization;

namespace Sigil.Projects.Config;

/// <summary>LLM endpoint settings (OpenAI chat-completions protocol).</summary>
public sealed record LlmConfig
{
    /// <summary>Base URL, e.g. http://127.0.0.1:8080/v1; OPENAI_BASE_URL when unset.</summary>
    [JsonPropertyName("base_url")] public string? BaseUrl { get; init; }

    /// <summary>Model name.</summary>
    [JsonPropertyName("model")] public string? Model { get; init; }

    /// <summary>Name of the environment variable holding the API key (default OPENAI_API_KEY).</summary>
    [JsonPropertyName("api_key_env")] public string ApiKeyEnv { get; init; } = "OPENAI_API_KEY";
}
