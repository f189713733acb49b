using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// A list built by the loop right after it: <c>var list = new List&lt;T&gt;();</c> followed by a <c>for</c> over
/// <c>0 .. bound</c> or a <c>foreach</c> over an array or list that calls <c>list.Add(…)</c>. The bound is an
/// element count that cannot be negative (<c>x.Length</c>, <c>x.Count</c>, a literal).
/// </summary>
internal sealed record ListBuild(
    LocalDeclarationStatementSyntax Declaration,
    string Name,
    TypeSyntax ElementType,
    ExpressionSyntax Creation,
    StatementSyntax Loop,
    string Bound,
    CollectionKind BoundSource,
    string? Index)
{
    /// <summary>The list builds of the method; <paramref name="reasons"/> gets why near misses do not count.</summary>
    public static List<ListBuild> Find(RewriteInput input, List<string> reasons)
    {
        var result = new List<ListBuild>();
        foreach (var declaration in input.Method.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            if (declaration.Declaration.Variables is not [var variable] || declaration.IsConst || !declaration.UsingKeyword.IsKind(SyntaxKind.None)
                || declaration.Parent is not BlockSyntax block)
            {
                continue;
            }
            var declaredType = declaration.Declaration.Type;
            var (creation, listType) = variable.Initializer?.Value switch
            {
                ObjectCreationExpressionSyntax { Initializer: null } c when (c.ArgumentList?.Arguments.Count ?? 0) == 0 => ((ExpressionSyntax)c, c.Type),
                ImplicitObjectCreationExpressionSyntax { Initializer: null, ArgumentList.Arguments.Count: 0 } c when !declaredType.IsVar => (c, declaredType),
                _ => (null, null),
            };
            if (creation is null || Collections.KindOf(listType) != CollectionKind.List || Collections.Element(listType) is not { } element)
            {
                continue;
            }
            var name = variable.Identifier.ValueText;
            var next = block.Statements.IndexOf(declaration) + 1;
            if (next >= block.Statements.Count || block.Statements[next] is not (ForStatementSyntax or ForEachStatementSyntax) || !MethodText.StartsLine(input.Text, declaration.SpanStart))
            {
                reasons.Add($"the list '{name}' is not filled by the loop right after its declaration");
                continue;
            }
            var loop = block.Statements[next];
            if (!loop.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => IsAddOn(i, name)))
            {
                reasons.Add($"the loop after '{name}' does not call {name}.Add");
                continue;
            }
            var (bound, source, index) = BoundOf(loop, name, input);
            if (bound is null)
            {
                reasons.Add($"the loop filling '{name}' has no bound evident from the syntax (for i from 0 to x.Length, x.Count or a literal, or foreach over an array or list)");
                continue;
            }
            result.Add(new ListBuild(declaration, name, element, creation, loop, bound, source, index));
        }
        return result;
    }

    /// <summary>True when <paramref name="invocation"/> is <c>name.Add(x)</c>.</summary>
    public static bool IsAddOn(InvocationExpressionSyntax invocation, string name) =>
        invocation is { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "Add" }, ArgumentList.Arguments.Count: 1 }
        && target.Identifier.ValueText == name;

    /// <summary>References to <paramref name="name"/> (as a variable, not a member name) within <paramref name="node"/>.</summary>
    public static IEnumerable<IdentifierNameSyntax> References(SyntaxNode node, string name) =>
        node.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == name && !(n.Parent is MemberAccessExpressionSyntax access && access.Name == n) && n.Parent is not NameColonSyntax);

    private static (string? Bound, CollectionKind Source, string? Index) BoundOf(StatementSyntax loop, string name, RewriteInput input)
    {
        switch (loop)
        {
            case ForEachStatementSyntax { Expression: IdentifierNameSyntax collection } when collection.Identifier.ValueText != name:
                {
                    var kind = Collections.KindOf(input.Types.Of(collection.Identifier.ValueText));
                    return kind == CollectionKind.Other ? (null, kind, null) : ($"{collection.Identifier.ValueText}.{Collections.CountProperty(kind)}", kind, null);
                }
            case ForStatementSyntax
            {
                Declaration.Variables: [{ Initializer.Value: LiteralExpressionSyntax { Token.Value: 0 } } index],
                Condition: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax left, Right: var right },
                Incrementors: [var step],
            } forLoop when left.Identifier.ValueText == index.Identifier.ValueText && IsIncrement(step, index.Identifier.ValueText)
                && !HoistInvariantOperator.Assigned(forLoop.Statement).Contains(index.Identifier.ValueText):
                {
                    var counter = index.Identifier.ValueText;
                    switch (right)
                    {
                        case LiteralExpressionSyntax { Token.Value: int count } when count >= 0:
                            return (count.ToString(System.Globalization.CultureInfo.InvariantCulture), CollectionKind.Other, counter);
                        case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax collection, Name.Identifier.ValueText: var property }
                            when collection.Identifier.ValueText != name && !HoistInvariantOperator.Assigned(forLoop).Contains(collection.Identifier.ValueText):
                            {
                                var kind = Collections.KindOf(input.Types.Of(collection.Identifier.ValueText));
                                return kind != CollectionKind.Other && Collections.CountProperty(kind) == property
                                    ? ($"{collection.Identifier.ValueText}.{property}", kind, counter)
                                    : (null, kind, null);
                            }
                    }
                    return (null, CollectionKind.Other, null);
                }
            default:
                return (null, CollectionKind.Other, null);
        }
    }

    private static bool IsIncrement(ExpressionSyntax step, string index) => step switch
    {
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: IdentifierNameSyntax id } => id.Identifier.ValueText == index,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: IdentifierNameSyntax id } => id.Identifier.ValueText == index,
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: IdentifierNameSyntax id, Right: LiteralExpressionSyntax { Token.Value: 1 } } =>
            id.Identifier.ValueText == index,
        _ => false,
    };
}
