namespace Sigil.Optimizers.Generators.Budget;

/// <summary>Caps per run; <c>null</c> means no cap.</summary>
/// <param name="MaxTokens">Prompt plus completion tokens.</param>
/// <param name="MaxUsd">US dollars (only models with a known price count towards it).</param>
public sealed record SpendLimits(long? MaxTokens = null, decimal? MaxUsd = null)
{
    /// <summary>No caps.</summary>
    public static SpendLimits Unlimited { get; } = new();
}
