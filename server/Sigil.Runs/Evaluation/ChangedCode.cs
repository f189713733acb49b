using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Building;

namespace Sigil.Runs.Evaluation;

/// <summary>
/// Which compiled methods the API policy checks for a candidate: every method of every type declared in a file the
/// candidate changes (new helper types included). Conservative on purpose: the app's own code elsewhere may use files or
/// the network legitimately and is not checked, while nothing the candidate could have written escapes the check.
/// </summary>
internal static class ChangedCode
{
    /// <summary>A predicate over <c>Namespace.Type::Method</c> names, as <see cref="Sigil.Evaluation.Sandbox.ApiPolicyChecker"/> asks.</summary>
    public static Func<string, bool> Predicate(Candidate candidate)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in candidate.Files)
        {
            var root = CSharpSyntaxTree.ParseText(file.After).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                types.Add(MetadataName(type));
            }
        }
        return name =>
        {
            var separator = name.IndexOf("::", StringComparison.Ordinal);
            var type = separator < 0 ? name : name[..separator];
            return types.Contains(type);
        };
    }

    private static string MetadataName(BaseTypeDeclarationSyntax type)
    {
        var names = new Stack<string>();
        for (var current = type; current is not null; current = current.Parent as BaseTypeDeclarationSyntax)
        {
            var arity = current is TypeDeclarationSyntax { TypeParameterList.Parameters.Count: > 0 and var n } ? "`" + n : "";
            names.Push(current.Identifier.ValueText + arity);
        }
        var namespaces = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()).ToList();
        var prefix = namespaces.Count == 0 ? "" : string.Join(".", namespaces) + ".";
        return prefix + string.Join("+", names);
    }
}
