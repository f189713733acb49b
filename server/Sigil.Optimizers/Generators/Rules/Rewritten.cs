namespace Sigil.Optimizers.Generators.Rules;

/// <summary>The rewritten method.</summary>
/// <param name="MethodSource">The whole new method (no doc comment or attributes, column 0, LF line endings); it parses as one method.</param>
/// <param name="Summary">What was changed, in one sentence.</param>
public sealed record Rewritten(string MethodSource, string Summary) : RewriteOutcome;
