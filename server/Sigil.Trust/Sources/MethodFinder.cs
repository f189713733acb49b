using Sigil.Candidates.Syntax;
using Sigil.Trust.Errors;

namespace Sigil.Trust.Sources;

/// <summary>
/// Finds a pinned method's declaration in a source text by its FunctionID qualname (<c>Outer.Inner.M(int,List&lt;int&gt;)</c>),
/// through <see cref="PinMethods"/>, so that publishing matches pins exactly as candidates were built.
/// </summary>
internal static class MethodFinder
{
    /// <summary>The method's declaration text (attributes through body, without surrounding trivia), or null when absent.</summary>
    /// <exception cref="TrustException">The qualname matches several methods.</exception>
    public static string? FindText(string source, string qualifiedName, string file)
    {
        var found = PinMethods.FindDeclarations(source, qualifiedName);
        return found.Count <= 1 ? found.SingleOrDefault() : throw new TrustException(TrustErrorCodes.UnsupportedCandidate,
            $"{qualifiedName} matches {found.Count} methods in '{file}'; rename one of the overloads so the pin is unambiguous.");
    }
}
