using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Finds the <c>[Improve]</c> methods of a C# text by syntax alone. A text is parsed, and a tree scanned, once: both are
/// kept as long as that very text (string instance) is alive, that is while it is an open document's current version,
/// so the pin diagnostics of a didChange and every codeLens of that version share one parse, and a codeLens of an
/// unchanged document parses nothing. A new version of a parsed text is parsed incrementally (<see cref="Edited"/>).
/// </summary>
internal static class PinScanner
{
    /// <summary>The parse options (latest language version, no preprocessor symbols).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ConditionalWeakTable<string, SyntaxTree> s_trees = new();
    private static readonly ConditionalWeakTable<SyntaxTree, IReadOnlyList<PinDeclaration>> s_pins = new();

    /// <summary>Parses <paramref name="text"/> (the same tree again for the same string instance).</summary>
    public static SyntaxTree Parse(string text) => s_trees.GetValue(text, t => CSharpSyntaxTree.ParseText(t, ParseOptions));

    /// <summary>
    /// Parses <paramref name="text"/>, a new version of <paramref name="previous"/> (full sync sends the whole text),
    /// from previous's tree when it was parsed: the edit is the span between their common prefix and suffix, and Roslyn
    /// re-parses only around it (a keystroke in a long file costs little more than in a short one). The tree is then
    /// what <see cref="Parse"/> returns for <paramref name="text"/>; without a tree of previous, nothing is done.
    /// </summary>
    public static void Edited(string previous, string text)
    {
        if (ReferenceEquals(previous, text) || !s_trees.TryGetValue(previous, out var old) || old.Length != previous.Length)
        {
            return;
        }
        var prefix = previous.AsSpan().CommonPrefixLength(text);
        var most = Math.Min(previous.Length, text.Length) - prefix;
        var suffix = 0;
        while (suffix < most && previous[previous.Length - 1 - suffix] == text[text.Length - 1 - suffix])
        {
            suffix++;
        }
        var change = new TextChange(new TextSpan(prefix, previous.Length - prefix - suffix), text.Substring(prefix, text.Length - prefix - suffix));
        s_trees.AddOrUpdate(text, old.WithChangedText(old.GetText().WithChanges(change)));
    }

    /// <summary>The pins of a parsed document, in document order (the same list again for the same tree).</summary>
    public static IReadOnlyList<PinDeclaration> Scan(SyntaxTree tree) => s_pins.GetValue(tree, ScanTree);

    private static IReadOnlyList<PinDeclaration> ScanTree(SyntaxTree tree)
    {
        var pins = new List<PinDeclaration>();
        foreach (var method in tree.GetRoot().DescendantNodes(n => n is not BlockSyntax and not ArrowExpressionClauseSyntax).OfType<MethodDeclarationSyntax>())
        {
            if (FindImprove(method.AttributeLists) is not { } attribute)
            {
                continue;
            }
            var types = string.Join(".", method.Ancestors().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.ValueText));
            var display = types.Length == 0 ? method.Identifier.ValueText : types + "." + method.Identifier.ValueText;
            var parameters = string.Join(",", method.ParameterList.Parameters.Select(p => p.Type is null ? "__arglist" : TypeKey(p.Type)));
            var (spec, workspace, eval, evalType) = Arguments(attribute);
            pins.Add(new PinDeclaration(method, attribute, $"{display}({parameters})", display, spec, workspace ?? "default", eval, evalType));
        }
        return pins.AsReadOnly();
    }

    /// <summary>The <c>[Improve]</c> attribute among <paramref name="lists"/>, or null.</summary>
    public static AttributeSyntax? FindImprove(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a => RightmostName(a.Name) is "Improve" or "ImproveAttribute");

    /// <summary>A parameter type as the FunctionID qualname writes it: keywords, no namespaces, no spaces.</summary>
    public static string TypeKey(TypeSyntax type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, TypeSyntax type)
    {
        switch (type)
        {
            case QualifiedNameSyntax qualified:
                Append(builder, qualified.Right);
                return;
            case AliasQualifiedNameSyntax alias:
                Append(builder, alias.Name);
                return;
            case GenericNameSyntax generic:
                builder.Append(generic.Identifier.ValueText).Append('<');
                for (var i = 0; i < generic.TypeArgumentList.Arguments.Count; i++)
                {
                    builder.Append(i > 0 ? "," : "");
                    Append(builder, generic.TypeArgumentList.Arguments[i]);
                }
                builder.Append('>');
                return;
            case ArrayTypeSyntax array:
                Append(builder, array.ElementType);
                foreach (var rank in array.RankSpecifiers)
                {
                    builder.Append('[').Append(',', rank.Rank - 1).Append(']');
                }
                return;
            case NullableTypeSyntax nullable:
                Append(builder, nullable.ElementType);
                builder.Append('?');
                return;
            default:
                foreach (var token in type.DescendantTokens())
                {
                    builder.Append(token.Text);
                }
                return;
        }
    }

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static (string? Spec, string? Workspace, string? Eval, bool EvalType) Arguments(AttributeSyntax attribute)
    {
        string? spec = null, workspace = null, eval = null;
        var evalType = false;
        var positional = 0;
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            var name = argument.NameEquals?.Name.Identifier.ValueText ?? argument.NameColon?.Name.Identifier.ValueText;
            switch (name)
            {
                case null:
                    if (positional++ == 0)
                    {
                        spec = Constant(argument.Expression);
                    }
                    break;
                case "spec":
                    spec = Constant(argument.Expression);
                    break;
                case "Eval":
                    eval = Constant(argument.Expression) ?? "?";
                    break;
                case "EvalType":
                    evalType = true;
                    break;
                case "Workspace":
                    workspace = Constant(argument.Expression);
                    break;
            }
        }
        return (spec, workspace, eval, evalType);
    }

    /// <summary>The text of a string literal or <c>nameof(...)</c>, else null.</summary>
    private static string? Constant(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
            when nameOf.ArgumentList.Arguments.Count == 1 => nameOf.ArgumentList.Arguments[0].Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                var other => other.ToString(),
            },
        _ => null,
    };
}
