using Sigil.Optimizers.Generators.Budget;
using Sigil.Projects;
using Sigil.Projects.Config;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>
/// How <see cref="LlmGenerator"/> talks to its endpoint: where, which model, with which key, how patiently, and with
/// which prompts. Build from <c>sigil.json</c> with <see cref="FromConfig"/>. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed record LlmGeneratorOptions
{
    /// <summary>The key sent when none is configured: local endpoints need none, and the SDK needs some.</summary>
    public const string PlaceholderApiKey = "sigil-no-key";

    /// <summary>The environment variable read for the base URL when <c>llm.base_url</c> is unset.</summary>
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>The OpenAI-compatible base URL, including its version path (<c>http://127.0.0.1:8080/v1</c>); requests go to <c>{Endpoint}/chat/completions</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The model name sent with each request.</summary>
    public required string Model { get; init; }

    /// <summary>The API key; <c>null</c> sends <see cref="PlaceholderApiKey"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The name of the variable the key came from (for messages; never the key itself).</summary>
    public string? ApiKeySource { get; init; }

    /// <summary>How long one HTTP request may take before it counts as a timeout (and is retried). Default 120 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>HTTP requests per proposal at most, the first included. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait after the first transient failure; it doubles on each further one, with jitter. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed wait between attempts. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured; an endpoint asking for a longer wait ends the proposal with
    /// <see cref="GenerationFailureKind.Http429"/> at once. Default 120 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The completion cap sent with each request, and the completion part of each budget reservation. Default 4,096.</summary>
    public int MaxOutputTokens { get; init; } = 4096;

    /// <summary>The sampling temperature; <c>null</c> leaves the endpoint's default.</summary>
    public float? Temperature { get; init; }

    /// <summary>The system prompt.</summary>
    public MasterPrompt MasterPrompt { get; init; } = MasterPrompt.Default;

    /// <summary>The prompt variants (the generator's operators).</summary>
    public PromptVariants Variants { get; init; } = PromptVariants.Default;

    /// <summary>How much of a request goes into the prompt.</summary>
    public PromptLimits PromptLimits { get; init; } = PromptLimits.Default;

    /// <summary>Prices per model, for cost accounting and USD caps.</summary>
    public PriceTable Prices { get; init; } = PriceTable.Empty;

    /// <summary>An HTTP client to send through (proxies, handlers); <c>null</c> uses the SDK's own.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>
    /// Options from <c>sigil.json</c>'s <c>llm</c> section: the base URL from <paramref name="baseUrl"/>, else
    /// <c>llm.base_url</c>, else <c>OPENAI_BASE_URL</c>; the model from <paramref name="model"/>, else <c>llm.model</c>;
    /// the key from the variable <c>llm.api_key_env</c> names (default <c>OPENAI_API_KEY</c>), or the placeholder
    /// when it is unset. <paramref name="environment"/> reads variables (default: the process environment).
    /// </summary>
    /// <exception cref="SigilProjectException">No base URL or no model is configured, or the URL is not http(s).</exception>
    public static LlmGeneratorOptions FromConfig(LlmConfig config, Func<string, string?>? environment = null, string? baseUrl = null, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        environment ??= Environment.GetEnvironmentVariable;
        var url = NonEmpty(baseUrl) ?? NonEmpty(config.BaseUrl) ?? NonEmpty(environment(BaseUrlVariable))
            ?? throw new SigilProjectException(
                $"No LLM endpoint is configured: run 'sigil config set llm.base_url http://HOST:PORT/v1' or set {BaseUrlVariable}.");
        if (!Uri.TryCreate(url.TrimEnd('/'), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new SigilProjectException($"The LLM base URL '{url}' is not an http(s) URL; set llm.base_url to one such as http://127.0.0.1:8080/v1.");
        }
        var name = NonEmpty(model) ?? NonEmpty(config.Model)
            ?? throw new SigilProjectException("No LLM model is configured: run 'sigil config set llm.model NAME'.");
        var keyVariable = NonEmpty(config.ApiKeyEnv) ?? "OPENAI_API_KEY";
        return new LlmGeneratorOptions
        {
            Endpoint = endpoint,
            Model = name,
            ApiKey = NonEmpty(environment(keyVariable)),
            ApiKeySource = keyVariable,
        };
    }

    /// <summary>Endpoint, model, where the key comes from (never the key), attempts and timeout.</summary>
    public override string ToString() =>
        $"LlmGeneratorOptions {{ Endpoint = {Endpoint}, Model = {Model}, ApiKey = {(ApiKey is null ? "(placeholder)" : "from " + (ApiKeySource ?? "caller"))}, "
        + $"MaxAttempts = {MaxAttempts}, RequestTimeout = {RequestTimeout}, Prompt = {MasterPrompt.Id} }}";

    internal void Validate()
    {
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The endpoint '{Endpoint}' is not an absolute http(s) URL.", nameof(Endpoint));
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("The model name is empty.", nameof(Model));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutputTokens, 1, nameof(MaxOutputTokens));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
