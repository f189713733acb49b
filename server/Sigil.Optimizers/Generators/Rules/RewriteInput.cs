using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Parsing;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>A method prepared for the rewrite operators: normalized (see <see cref="MethodText.Normalize"/>) and parsed, with its context.</summary>
public sealed class RewriteInput
{
    private RewriteInput(string text, MethodDeclarationSyntax method, IReadOnlyList<MemberDeclarationSyntax> contextMembers)
    {
        Text = text;
        Method = method;
        ContextMembers = contextMembers;
        Types = new DeclaredTypes(method, contextMembers);
        IndentUnit = MethodText.IndentUnit(method);
    }

    /// <summary>The normalized method text; every span of <see cref="Method"/> refers to it.</summary>
    public string Text { get; }

    /// <summary>The parsed method.</summary>
    public MethodDeclarationSyntax Method { get; }

    /// <summary>The members of the containing type (from the request's context), for field types and names; empty when unknown.</summary>
    public IReadOnlyList<MemberDeclarationSyntax> ContextMembers { get; }

    /// <summary>Declared types of the names the method uses.</summary>
    internal DeclaredTypes Types { get; }

    /// <summary>The body's indentation step.</summary>
    public string IndentUnit { get; }

    /// <summary>The input for <paramref name="methodSource"/>; <c>null</c> when it does not parse as one method.</summary>
    public static RewriteInput? Create(string methodSource, string? contextSource = null)
    {
        ArgumentNullException.ThrowIfNull(methodSource);
        var parsed = MethodText.Parse(methodSource.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (parsed is null)
        {
            return null;
        }
        var text = MethodText.Normalize(parsed);
        var method = MethodText.Parse(text);
        if (method is null)
        {
            return null;
        }
        return new RewriteInput(text, method, ContextOf(contextSource));
    }

    /// <summary>Names a new local must not take: the method's identifiers and the context's member names.</summary>
    public HashSet<string> TakenNames()
    {
        var taken = ContextNames();
        taken.UnionWith(MethodText.Identifiers(Method));
        return taken;
    }

    /// <summary>The names of the context's members (fields, properties, methods, nested types).</summary>
    public HashSet<string> ContextNames()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in ContextMembers)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    taken.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                    break;
                case PropertyDeclarationSyntax property:
                    taken.Add(property.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method:
                    taken.Add(method.Identifier.ValueText);
                    break;
                case BaseTypeDeclarationSyntax type:
                    taken.Add(type.Identifier.ValueText);
                    break;
            }
        }
        return taken;
    }

    private static IReadOnlyList<MemberDeclarationSyntax> ContextOf(string? contextSource)
    {
        if (string.IsNullOrWhiteSpace(contextSource))
        {
            return [];
        }
        var unit = SyntaxFactory.ParseCompilationUnit(contextSource, 0, EditParser.DefaultParseOptions);
        var types = unit.DescendantNodes().OfType<TypeDeclarationSyntax>().ToList();
        return types.Count == 0 ? [] : types[0].Members.ToList();
    }
}
