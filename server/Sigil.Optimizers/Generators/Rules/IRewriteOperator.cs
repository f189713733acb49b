namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// One Roslyn rewrite of a method, purely syntactic (no compilation). Applies only where the change is safe from the
/// syntax alone and otherwise says why not; deterministic for a given <see cref="SeededRandom"/> state.
/// </summary>
public interface IRewriteOperator
{
    /// <summary>A stable name (stored with each proposal, usable as <see cref="GenerationRequest.Operator"/>).</summary>
    string Name { get; }

    /// <summary>What the operator does, in one sentence.</summary>
    string Description { get; }

    /// <summary>The rewritten method, or why the operator does not apply. <paramref name="random"/> picks among several sites.</summary>
    RewriteOutcome Rewrite(RewriteInput input, SeededRandom random);
}
