using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// Syntactic names of declarations, in the FunctionID qualname style where it applies (<c>Outer.Inner.M(int,List&lt;int&gt;)</c>,
/// types as <see cref="TypeKeys"/> writes them); constructors are <c>.ctor</c> / <c>.cctor</c>, indexers <c>this[...]</c>.
/// </summary>
internal static class MemberNames
{
    /// <summary>The name of a member inside its type (no containing types).</summary>
    public static string Of(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => Interface(method.ExplicitInterfaceSpecifier) + method.Identifier.ValueText + Parameters(method.ParameterList),
        ConstructorDeclarationSyntax constructor => (constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor") + Parameters(constructor.ParameterList),
        DestructorDeclarationSyntax => "Finalize()",
        OperatorDeclarationSyntax op => "operator" + op.OperatorToken.Text + Parameters(op.ParameterList),
        ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.ImplicitOrExplicitKeyword.Text + " " + TypeKeys.Of(conversion.Type) + Parameters(conversion.ParameterList),
        IndexerDeclarationSyntax indexer => Interface(indexer.ExplicitInterfaceSpecifier) + "this[" + string.Join(",", indexer.ParameterList.Parameters.Select(Parameter)) + "]",
        PropertyDeclarationSyntax property => Interface(property.ExplicitInterfaceSpecifier) + property.Identifier.ValueText,
        EventDeclarationSyntax @event => Interface(@event.ExplicitInterfaceSpecifier) + @event.Identifier.ValueText,
        BaseFieldDeclarationSyntax field => string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
        BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
        _ => member.Kind().ToString(),
    };

    /// <summary>Parameter keys of a method-like declaration, e.g. <c>(int,List&lt;int&gt;)</c>.</summary>
    public static string Parameters(BaseParameterListSyntax list) => "(" + string.Join(",", list.Parameters.Select(Parameter)) + ")";

    /// <summary>The containing type names of a node, outermost first.</summary>
    public static IReadOnlyList<string> ContainingTypes(SyntaxNode node) =>
        node.Ancestors().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse().ToList();

    private static string Parameter(BaseParameterSyntax parameter) => parameter.Type is null ? "__arglist" : TypeKeys.Of(parameter.Type);

    private static string Interface(ExplicitInterfaceSpecifierSyntax? specifier) =>
        specifier is null ? string.Empty : TypeKeys.Of(specifier.Name) + ".";
}
