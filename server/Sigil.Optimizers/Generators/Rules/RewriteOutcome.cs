namespace Sigil.Optimizers.Generators.Rules;

/// <summary>What a <see cref="IRewriteOperator"/> made of a method: a <see cref="Rewritten"/> method or <see cref="NotApplicable"/>.</summary>
public abstract record RewriteOutcome
{
    private protected RewriteOutcome()
    {
    }
}
