namespace Sigil.Trust.Policy;

/// <summary>What the promoted candidates were searched to improve; it picks the default policy.</summary>
public enum PromotionObjective
{
    /// <summary>Run time: by default every pin needs all samples correct and <c>speedup_ci_low &gt; 1</c>.</summary>
    Speed,

    /// <summary>The eval score: by default every pin needs all samples correct and <c>score_delta_ci_low &gt; 0</c>.</summary>
    Score,
}
