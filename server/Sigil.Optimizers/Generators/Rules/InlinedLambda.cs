using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// A one-parameter lambda with an expression body (<c>v =&gt; …</c>, <c>(int v) =&gt; …</c>), whose body can be
/// written inline with its parameter renamed to a loop variable.
/// </summary>
internal sealed record InlinedLambda(LambdaExpressionSyntax Node, string Parameter, ExpressionSyntax Body)
{
    /// <summary>The lambda in <paramref name="argument"/>, or why it cannot be inlined.</summary>
    public static InlinedLambda? From(ArgumentSyntax argument, out string? reason)
    {
        reason = null;
        var lambda = argument.Expression as LambdaExpressionSyntax;
        var (parameter, count) = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => (simple.Parameter, 1),
            ParenthesizedLambdaExpressionSyntax parenthesized => (parenthesized.ParameterList.Parameters.FirstOrDefault(), parenthesized.ParameterList.Parameters.Count),
            _ => (null, 0),
        };
        if (lambda is null || parameter is null)
        {
            reason = "an argument is not a lambda (a method group or a delegate variable)";
            return null;
        }
        if (count != 1 || parameter.Modifiers.Count > 0 || parameter.Default is not null)
        {
            reason = "a lambda does not have exactly one plain parameter (the index overloads are not rewritten)";
            return null;
        }
        if (lambda.ExpressionBody is not { } body)
        {
            reason = "a lambda has a block body";
            return null;
        }
        if (lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) || body.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax))
        {
            reason = "a lambda is async";
            return null;
        }
        var name = parameter.Identifier.ValueText;
        if (Assigns(body, name))
        {
            reason = $"a lambda assigns its parameter '{name}'";
            return null;
        }
        return new InlinedLambda(lambda, name, body);
    }

    /// <summary>The body's text with the parameter renamed to <paramref name="variable"/>, or <c>null</c> when renaming could change its meaning.</summary>
    public string? BodyWith(string variable)
    {
        var text = Body.ToString();
        if (variable == Parameter)
        {
            return text;
        }
        var nodes = Body.DescendantNodesAndSelf().ToList();
        if (nodes.OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == variable)
            || nodes.OfType<AnonymousObjectMemberDeclaratorSyntax>().Any(d => d.NameEquals is null)
            || nodes.OfType<ParameterSyntax>().Any(p => p.Identifier.ValueText == Parameter)
            || nodes.OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.ValueText == Parameter)
            || nodes.OfType<SingleVariableDesignationSyntax>().Any(v => v.Identifier.ValueText == Parameter))
        {
            return null;
        }
        var edits = nodes.OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == Parameter && IsReference(n))
            .Select(n => (new Microsoft.CodeAnalysis.Text.TextSpan(n.Identifier.SpanStart - Body.SpanStart, n.Identifier.Span.Length), variable));
        return MethodText.ApplyEdits(text, edits);
    }

    private static bool IsReference(IdentifierNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name => false,
        MemberBindingExpressionSyntax => false,
        NameColonSyntax or NameEqualsSyntax => false,
        QualifiedNameSyntax qualified when qualified.Right == name => false,
        _ => true,
    };

    private static bool Assigns(ExpressionSyntax body, string name) => body.DescendantNodesAndSelf().Any(n => n switch
    {
        AssignmentExpressionSyntax assignment => Names(assignment.Left).Contains(name),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } unary => Names(unary.Operand).Contains(name),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } unary => Names(unary.Operand).Contains(name),
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => Names(argument.Expression).Contains(name),
        _ => false,
    });

    private static IEnumerable<string> Names(SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText);
}
