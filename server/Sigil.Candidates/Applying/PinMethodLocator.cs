using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>Finds the pinned method in its file; a pin that is missing or ambiguous is the caller's error.</summary>
internal static class PinMethodLocator
{
    /// <exception cref="ArgumentException">The pin is not declared in the file, or matches several methods.</exception>
    public static MethodDeclarationSyntax Locate(CompilationUnitSyntax root, PinTarget pin)
    {
        var found = PinLocator.Find(root, pin.QualifiedName, pin.Span);
        var described = pin.QualifiedName ?? $"the method at {pin.Span}";
        if (found.Count == 1)
        {
            return found[0];
        }
        if (found.Count == 0)
        {
            var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(Qualname).Take(EditApplier.MaxListed);
            throw new ArgumentException(
                $"The pin {described} is not declared in '{pin.FilePath}' (methods there: {string.Join(", ", methods)}).", nameof(pin));
        }
        throw new ArgumentException(
            $"The pin {described} matches {found.Count} methods in '{pin.FilePath}' ({string.Join(", ", found.Select(Qualname))}); give its span too.", nameof(pin));
    }

    /// <summary>The method's name with its containing types and parameter keys, as <see cref="PinLocator"/> accepts it.</summary>
    public static string Qualname(MethodDeclarationSyntax method) =>
        string.Join(".", MemberNames.ContainingTypes(method).Append(MemberNames.Of(method)));
}
