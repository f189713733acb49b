using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Optimizers.Strategies.Configuration;

/// <summary>
/// The optimizers' default system prompts: Sigil's master prompt, plus, for strategies that ask something particular of
/// the generator, a paragraph saying what (versioned like <see cref="MasterPrompt"/>: bump on every change).
/// </summary>
public static class StrategyPrompts
{
    /// <summary>AlphaEvolve: combine the parent with the inspirations; diversity is welcome.</summary>
    public static MasterPrompt AlphaEvolve { get; } = Extend("alphaevolve", """
        You take part in an evolutionary search. The version to improve is a parent drawn from a database of earlier
        candidates; other candidates are shown as ideas. Combine their best ideas with the parent's, try one clear idea
        at a time, and keep what already works. A different approach that is nearly as fast is also valuable.
        """);

    /// <summary>Simulated annealing: one small, local change (a neighbour).</summary>
    public static MasterPrompt Annealing { get; } = Extend("annealing", """
        You propose a neighbour in a local search: make one small, focused change to the version to improve (one loop,
        one expression, one data structure), not a rewrite.
        """);

    /// <summary>MADS's optional search step: change literal values only.</summary>
    public static MasterPrompt Mads { get; } = Extend("mads", """
        You suggest better values for the numeric literals of the version to improve (iteration counts, tolerances,
        thresholds, sizes). Change only literal values; keep every other token exactly as it is, and keep the results
        correct.
        """);

    private static MasterPrompt Extend(string strategy, string paragraph) =>
        new($"{MasterPrompt.Default.Name}.{strategy}", 1, MasterPrompt.Default.Text.TrimEnd() + "\n\n" + paragraph.Trim() + "\n");
}
