using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// Finds a pinned method's declaration by its qualname and/or a span, syntactically: containing types and name must
/// be equal, parameter types are compared as <see cref="TypeKeys"/> (namespaces dropped), first strictly, then
/// ignoring nullable markers.
/// </summary>
internal static class PinLocator
{
    /// <summary>The declarations that match (none, one, or several when the pin is ambiguous).</summary>
    public static IReadOnlyList<MethodDeclarationSyntax> Find(CompilationUnitSyntax root, string? qualifiedName, TextSpan? span)
    {
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
            .ToList();
        if (span is { } where)
        {
            methods = methods.Where(m => m.FullSpan.Contains(where.Start) || (where.Length > 0 && m.Span.IntersectsWith(where))).ToList();
        }
        if (qualifiedName is null)
        {
            return methods;
        }
        var name = QualifiedMethodName.TryParse(qualifiedName);
        if (name is null)
        {
            return [];
        }
        var named = methods.Where(m => m.Identifier.ValueText == name.Name && MemberNames.ContainingTypes(m).SequenceEqual(name.Types)).ToList();
        if (name.Parameters is null)
        {
            return named;
        }
        var arity = named.Where(m => m.ParameterList.Parameters.Count == name.Parameters.Count).ToList();
        var strict = arity.Where(m => Keys(m).SequenceEqual(name.Parameters)).ToList();
        return strict.Count > 0
            ? strict
            : arity.Where(m => Keys(m).Select(TypeKeys.WithoutNullable).SequenceEqual(name.Parameters.Select(TypeKeys.WithoutNullable))).ToList();
    }

    private static IEnumerable<string> Keys(MethodDeclarationSyntax method) =>
        method.ParameterList.Parameters.Select(p => p.Type is null ? "__arglist" : TypeKeys.Of(p.Type));
}
