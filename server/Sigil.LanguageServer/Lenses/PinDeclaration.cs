using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.LanguageServer.Lenses;

/// <summary>An <c>[Improve]</c> method found in a document's syntax (no semantic model: cheap, follows edits).</summary>
/// <param name="Method">The declaration.</param>
/// <param name="Attribute">The <c>[Improve]</c> attribute.</param>
/// <param name="QualifiedName">The FunctionID qualname as far as syntax tells it: <c>Outer.Inner.Method(int,List&lt;int&gt;)</c>.</param>
/// <param name="DisplayName">The generator's display name, <c>Outer.Inner.Method</c>.</param>
/// <param name="Spec">The spec named on the attribute, or null when it is not a literal.</param>
/// <param name="Workspace">The workspace named on the attribute (<c>default</c> when none).</param>
/// <param name="Eval">The Eval named on the attribute, or null when none.</param>
/// <param name="HasEvalType">Whether the attribute sets EvalType.</param>
internal sealed record PinDeclaration(
    MethodDeclarationSyntax Method,
    AttributeSyntax Attribute,
    string QualifiedName,
    string DisplayName,
    string? Spec,
    string Workspace,
    string? Eval,
    bool HasEvalType)
{
    /// <summary>The qualname up to the parameter list, <c>Outer.Inner.Method(</c>, to match overload-insensitively.</summary>
    public string NamePrefix => DisplayName + "(";
}
