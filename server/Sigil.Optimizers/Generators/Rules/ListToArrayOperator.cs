using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// Replaces a <c>List&lt;T&gt;</c> filled by <c>for (var i = 0; i &lt; bound; i++)</c> with exactly one
/// unconditional <c>list.Add(x)</c> per iteration by an array of <c>bound</c> elements (<c>list[i] = x</c>), where the
/// list is afterwards only indexed, counted (<c>Count</c> → <c>Length</c>), enumerated, or returned through
/// <c>ToArray()</c> (then the array itself is returned: nothing else holds it). No <c>break</c>, <c>continue</c>,
/// <c>return</c>, <c>throw</c> or <c>try</c> may make the number of elements differ from the bound.
/// </summary>
public sealed class ListToArrayOperator : IRewriteOperator
{
    /// <summary>The operator's name.</summary>
    public const string OperatorName = "list-to-array";

    /// <inheritdoc />
    public string Name => OperatorName;

    /// <inheritdoc />
    public string Description => "Replaces a List<T> filled once per iteration of a counted loop, and only read afterwards, by an array.";

    /// <inheritdoc />
    public RewriteOutcome Rewrite(RewriteInput input, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var reasons = new List<string>();
        var candidates = new List<(ListBuild Build, List<(TextSpan, string)> Edits)>();
        if (input.Method.DescendantNodes().Any(n => n is YieldStatementSyntax))
        {
            return new NotApplicable("The method is an iterator.");
        }
        foreach (var build in ListBuild.Find(input, reasons))
        {
            var edits = Plan(build, input, out var reason);
            if (edits is null)
            {
                reasons.Add(reason!);
            }
            else
            {
                candidates.Add((build, edits));
            }
        }
        if (candidates.Count == 0)
        {
            return new NotApplicable(reasons.Count == 0
                ? "The method creates no empty List<T> that a loop then fills."
                : "No list can become an array (" + string.Join("; ", reasons.Distinct().Take(3)) + ").");
        }
        var (chosen, changes) = candidates[random.Next(candidates.Count)];
        return new Rewritten(MethodText.ApplyEdits(input.Text, changes),
            $"replaced the list '{chosen.Name}' by an array of {chosen.Bound} elements filled in place.");
    }

    private static List<(TextSpan, string)>? Plan(ListBuild build, RewriteInput input, out string? reason)
    {
        reason = null;
        var name = build.Name;
        if (build.Loop is not ForStatementSyntax { Statement: BlockSyntax body } || build.Index is null || build.BoundSource == CollectionKind.List)
        {
            reason = $"'{name}' is not filled by a for loop over 0 .. an array's Length or a literal";
            return null;
        }
        if (build.ElementType is ArrayTypeSyntax)
        {
            reason = $"the elements of '{name}' are arrays";
            return null;
        }
        if (build.Declaration.Ancestors().Any(a => a is TryStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            reason = $"'{name}' is declared inside a try block, a lambda or a local function";
            return null;
        }
        var adds = body.Statements.OfType<ExpressionStatementSyntax>()
            .Where(s => s.Expression is InvocationExpressionSyntax i && ListBuild.IsAddOn(i, name)).ToList();
        if (adds.Count != 1 || ListBuild.References(build.Loop, name).Count() != 1)
        {
            reason = $"the loop does not add to '{name}' exactly once, unconditionally, without other uses of it";
            return null;
        }
        if (build.Loop.DescendantNodes().Any(n => n is BreakStatementSyntax or ContinueStatementSyntax or ReturnStatementSyntax or GotoStatementSyntax
            or ThrowStatementSyntax or ThrowExpressionSyntax or YieldStatementSyntax or TryStatementSyntax))
        {
            reason = $"the loop filling '{name}' can stop or skip an iteration (break, continue, return, throw, goto or try)";
            return null;
        }
        var edits = new List<(TextSpan, string)>();
        var declaredType = build.Declaration.Declaration.Type;
        if (!declaredType.IsVar)
        {
            edits.Add((declaredType.Span, $"{build.ElementType}[]"));
        }
        edits.Add((build.Creation.Span, $"new {build.ElementType}[{build.Bound}]"));
        var add = (InvocationExpressionSyntax)adds[0].Expression;
        edits.Add((add.Span, $"{name}[{build.Index}] = {add.ArgumentList.Arguments[0].Expression}"));

        var after = input.Method.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.SpanStart > build.Loop.Span.End && n.Identifier.ValueText == name
                && !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n) && n.Parent is not NameColonSyntax);
        foreach (var use in after)
        {
            if (use.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            {
                reason = $"'{name}' is used in a lambda or local function";
                return null;
            }
            switch (use.Parent)
            {
                case ElementAccessExpressionSyntax access when access.Expression == use:
                    break; // reads, writes and increments of an element work the same on an array
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" } count when count.Expression == use && count.Parent is not InvocationExpressionSyntax:
                    edits.Add((count.Name.Span, "Length"));
                    break;
                case ForEachStatementSyntax loop when loop.Expression == use:
                    break;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Parent: ReturnStatementSyntax } call } toArray
                    when toArray.Expression == use:
                    edits.Add((call.Span, name));
                    break;
                default:
                    reason = $"'{name}' is used as a list after the loop (`{use.Parent}`)";
                    return null;
            }
        }
        return edits;
    }
}
