using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Optimizers.Strategies.Search;

/// <summary>Which arms cost tokens: LLM arms do; rule arms (and ready answers) cost nothing and may run on a spent budget.</summary>
internal static class ArmCosts
{
    /// <summary>True for an arm whose generator spends tokens (the same rule as the run service's generator set).</summary>
    public static bool IsCostly(GeneratorArm arm) => arm.Generator == LlmGenerator.KindName;
}
