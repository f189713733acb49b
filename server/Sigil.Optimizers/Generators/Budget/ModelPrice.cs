namespace Sigil.Optimizers.Generators.Budget;

/// <summary>A model's price in US dollars per million tokens.</summary>
/// <param name="InputPerMillion">USD per 1,000,000 prompt tokens.</param>
/// <param name="OutputPerMillion">USD per 1,000,000 completion tokens.</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>The cost of <paramref name="promptTokens"/> in and <paramref name="completionTokens"/> out.</summary>
    public decimal Cost(long promptTokens, long completionTokens) =>
        (promptTokens * InputPerMillion + completionTokens * OutputPerMillion) / 1_000_000m;
}
