using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// What callers and the FunctionID depend on in a method declaration, as one comparable line: accessibility and the
/// modifiers that change how it is called or bound, the return type, the name, the type-parameter count and each
/// parameter's modifiers and type. Parameter names, <c>async</c>, <c>unsafe</c> and the body are not part of it.
/// </summary>
internal static class MethodSignatures
{
    private static readonly SyntaxKind[] Significant =
    [
        SyntaxKind.PublicKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.InternalKeyword, SyntaxKind.PrivateKeyword,
        SyntaxKind.FileKeyword, SyntaxKind.StaticKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.VirtualKeyword,
        SyntaxKind.OverrideKeyword, SyntaxKind.SealedKeyword, SyntaxKind.ExternKeyword,
    ];

    /// <summary>For example <c>public static double Root(double)</c> or <c>private T M&lt;1&gt;(ref int,params int[])</c>.</summary>
    public static string Describe(MethodDeclarationSyntax method)
    {
        var builder = new StringBuilder();
        foreach (var kind in Significant)
        {
            if (method.Modifiers.Any(kind))
            {
                builder.Append(SyntaxFacts.GetText(kind)).Append(' ');
            }
        }
        builder.Append(TypeKeys.Of(method.ReturnType)).Append(' ');
        if (method.ExplicitInterfaceSpecifier is not null)
        {
            builder.Append(TypeKeys.Of(method.ExplicitInterfaceSpecifier.Name)).Append('.');
        }
        builder.Append(method.Identifier.ValueText);
        if (method.TypeParameterList is { } typeParameters)
        {
            builder.Append('<').Append(typeParameters.Parameters.Count).Append('>');
        }
        builder.Append('(');
        for (var i = 0; i < method.ParameterList.Parameters.Count; i++)
        {
            var parameter = method.ParameterList.Parameters[i];
            if (i > 0)
            {
                builder.Append(',');
            }
            foreach (var modifier in parameter.Modifiers)
            {
                builder.Append(modifier.Text).Append(' ');
            }
            builder.Append(parameter.Type is null ? "__arglist" : TypeKeys.Of(parameter.Type));
        }
        return builder.Append(')').ToString();
    }

    /// <summary>The normalized text of the method's <c>[Improve]</c> attributes (empty when it has none).</summary>
    public static string ImproveAttributes(MemberDeclarationSyntax member) =>
        string.Join(" ", member.AttributeLists.SelectMany(list => list.Attributes).Where(IsImprove).Select(SyntaxUnits.Normalize));

    /// <summary>True for <c>[Improve]</c>, <c>[ImproveAttribute]</c>, <c>[Sigil.Improve]</c>, <c>[global::Sigil.Improve]</c>.</summary>
    public static bool IsImprove(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return name is "Improve" or "ImproveAttribute";
    }
}
