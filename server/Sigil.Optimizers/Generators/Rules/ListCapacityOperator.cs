using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// Gives a list filled by the loop right after its declaration its final capacity up front
/// (<c>new List&lt;T&gt;()</c> → <c>new List&lt;T&gt;(x.Length)</c>), so it never regrows. Only the capacity
/// changes: what the list holds, and every result, stay the same. The bound is the loop's element count
/// (<c>x.Length</c>, <c>x.Count</c> or a literal), never negative.
/// </summary>
public sealed class ListCapacityOperator : IRewriteOperator
{
    /// <summary>The operator's name.</summary>
    public const string OperatorName = "list-capacity";

    /// <inheritdoc />
    public string Name => OperatorName;

    /// <inheritdoc />
    public string Description => "Preallocates a List<T> filled by a loop with the loop's element count as its capacity.";

    /// <inheritdoc />
    public RewriteOutcome Rewrite(RewriteInput input, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var reasons = new List<string>();
        var builds = ListBuild.Find(input, reasons);
        if (builds.Count == 0)
        {
            return new NotApplicable(reasons.Count == 0
                ? "The method creates no empty List<T> that a loop then fills."
                : "No list can be preallocated (" + string.Join("; ", reasons.Distinct().Take(3)) + ").");
        }
        var build = builds[random.Next(builds.Count)];
        var arguments = build.Creation switch
        {
            ObjectCreationExpressionSyntax { ArgumentList: { } list } => list.Span,
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.ArgumentList.Span,
            var creation => new TextSpan(creation.Span.End, 0),
        };
        var source = MethodText.ApplyEdits(input.Text, [(arguments, $"({build.Bound})")]);
        return new Rewritten(source, $"preallocated the list '{build.Name}' with capacity {build.Bound}, the number of elements its loop adds.");
    }
}
