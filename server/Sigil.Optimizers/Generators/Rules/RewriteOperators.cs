namespace Sigil.Optimizers.Generators.Rules;

/// <summary>The built-in rewrite operators.</summary>
public static class RewriteOperators
{
    /// <summary>
    /// All of them, in a fixed order: LINQ to loops, hoisting loop invariants, numeric literal steps, list to array,
    /// list capacity.
    /// </summary>
    public static IReadOnlyList<IRewriteOperator> All { get; } =
    [
        new LinqToLoopOperator(),
        new HoistInvariantOperator(),
        new NumericLiteralOperator(),
        new ListToArrayOperator(),
        new ListCapacityOperator(),
    ];
}
