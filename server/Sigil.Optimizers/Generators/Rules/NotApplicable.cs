namespace Sigil.Optimizers.Generators.Rules;

/// <summary>The operator has nothing to change in this method.</summary>
/// <param name="Reason">Why, in one sentence.</param>
public sealed record NotApplicable(string Reason) : RewriteOutcome;
