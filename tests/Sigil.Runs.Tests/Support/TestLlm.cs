using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Runs.Tests.Support;

/// <summary>LLM options for runs against a <see cref="ScriptedChatServer"/>: its model priced, quick retries.</summary>
internal static class TestLlm
{
    /// <summary>USD per million tokens in and out for <see cref="Reply.ModelName"/>.</summary>
    public static ModelPrice Price { get; } = new(1.5m, 6m);

    public static LlmGeneratorOptions Options(Uri endpoint, string? apiKey = null) => new()
    {
        Endpoint = endpoint,
        Model = Reply.ModelName,
        ApiKey = apiKey,
        ApiKeySource = apiKey is null ? null : "OPENAI_API_KEY",
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(5),
        MaxBackoff = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(60),
        Prices = new PriceTable([new(Reply.ModelName, Price)]),
    };
}
