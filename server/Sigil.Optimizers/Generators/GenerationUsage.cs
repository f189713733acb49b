namespace Sigil.Optimizers.Generators;

/// <summary>What one proposal consumed.</summary>
/// <param name="PromptTokens">Input tokens, as the endpoint reported them (or estimated, see <paramref name="TokensEstimated"/>).</param>
/// <param name="CompletionTokens">Output tokens, likewise.</param>
/// <param name="CostUsd">Cost in US dollars from the <see cref="Budget.PriceTable"/>; 0 when the model's price is unknown.</param>
/// <param name="CostKnown">False when the model is not in the price table (then <paramref name="CostUsd"/> is 0 and says nothing).</param>
/// <param name="TokensEstimated">True when the endpoint reported no usage and the counts are estimates from the text.</param>
public sealed record GenerationUsage(long PromptTokens, long CompletionTokens, decimal CostUsd, bool CostKnown, bool TokensEstimated = false)
{
    /// <summary>Nothing consumed (a rule-based proposal, a request refused before sending); the cost is known to be 0.</summary>
    public static GenerationUsage None { get; } = new(0, 0, 0m, CostKnown: true);

    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;
}
