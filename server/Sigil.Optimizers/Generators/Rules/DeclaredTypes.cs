using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>
/// The declared types of the names a method uses, found from syntax alone: its parameters, its locals (explicitly
/// typed, or <c>var</c> initialized with <c>new T(…)</c>, <c>new T[…]</c>, a cast or a literal), and the fields of its
/// containing type. A name declared more than once in the method (in different scopes) is ambiguous and has no type.
/// </summary>
internal sealed class DeclaredTypes
{
    private readonly Dictionary<string, List<SyntaxNode>> _declarations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeSyntax> _fields = new(StringComparer.Ordinal);
    private readonly MethodDeclarationSyntax _method;

    /// <summary>The declarations of <paramref name="method"/> and the fields among <paramref name="context"/>.</summary>
    public DeclaredTypes(MethodDeclarationSyntax method, IReadOnlyList<MemberDeclarationSyntax> context)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(context);
        _method = method;
        foreach (var node in method.DescendantNodes())
        {
            var identifier = node switch
            {
                ParameterSyntax p => p.Identifier,
                VariableDeclaratorSyntax v => v.Identifier,
                ForEachStatementSyntax f => f.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                LocalFunctionStatementSyntax l => l.Identifier,
                FromClauseSyntax q => q.Identifier,
                LetClauseSyntax q => q.Identifier,
                JoinClauseSyntax q => q.Identifier,
                JoinIntoClauseSyntax q => q.Identifier,
                QueryContinuationSyntax q => q.Identifier,
                _ => default,
            };
            if (identifier.IsKind(SyntaxKind.IdentifierToken))
            {
                if (!_declarations.TryGetValue(identifier.ValueText, out var list))
                {
                    _declarations[identifier.ValueText] = list = [];
                }
                list.Add(node);
            }
        }
        foreach (var field in context.OfType<FieldDeclarationSyntax>())
        {
            foreach (var variable in field.Declaration.Variables)
            {
                _fields[variable.Identifier.ValueText] = field.Declaration.Type;
            }
        }
    }

    /// <summary>The nodes that declare <paramref name="name"/> in the method (parameters, declarators, designations…).</summary>
    public IReadOnlyList<SyntaxNode> DeclarationsOf(string name) => _declarations.TryGetValue(name, out var list) ? list : [];

    /// <summary>The single declaration of <paramref name="name"/> in the method, or <c>null</c> (none, or several).</summary>
    public SyntaxNode? SingleDeclaration(string name) => DeclarationsOf(name) is [var only] ? only : null;

    /// <summary>True when <paramref name="name"/> is a parameter of the method itself (not of a lambda), declared once.</summary>
    public bool IsMethodParameter(string name, out ParameterSyntax? parameter)
    {
        parameter = SingleDeclaration(name) as ParameterSyntax;
        if (parameter?.Parent?.Parent != _method)
        {
            parameter = null;
        }
        return parameter is not null;
    }

    /// <summary>True when <paramref name="name"/> is a field of the containing type and is not declared in the method.</summary>
    public bool IsField(string name) => DeclarationsOf(name).Count == 0 && _fields.ContainsKey(name);

    /// <summary>The declared type of <paramref name="name"/>, or <c>null</c> when not evident from the syntax.</summary>
    public TypeSyntax? Of(string name)
    {
        var declarations = DeclarationsOf(name);
        if (declarations.Count == 0)
        {
            return _fields.GetValueOrDefault(name);
        }
        if (declarations.Count > 1)
        {
            return null;
        }
        return declarations[0] switch
        {
            ParameterSyntax p => p.Type,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } v => declaration.Type.IsVar
                ? FromInitializer(v.Initializer?.Value)
                : declaration.Type,
            ForEachStatementSyntax f => f.Type.IsVar ? ElementOf(f.Expression) : f.Type,
            _ => null,
        };
    }

    /// <summary>The element type of the expression's collection type, when it is an identifier of a known array or list type.</summary>
    public TypeSyntax? ElementOf(ExpressionSyntax collection) =>
        collection is IdentifierNameSyntax id && Of(id.Identifier.ValueText) is { } type ? Collections.Element(type) : null;

    private static TypeSyntax? FromInitializer(ExpressionSyntax? value) => value switch
    {
        ObjectCreationExpressionSyntax creation => creation.Type,
        ArrayCreationExpressionSyntax array => array.Type,
        CastExpressionSyntax cast => cast.Type,
        ParenthesizedExpressionSyntax parenthesized => FromInitializer(parenthesized.Expression),
        LiteralExpressionSyntax literal when NumericTypes.OfLiteral(literal) is { } kind => NumericTypes.Syntax(kind),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression)
            => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.BoolKeyword)),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression)
            => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)),
        _ => null,
    };
}
