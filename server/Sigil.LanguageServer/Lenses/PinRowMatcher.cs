using Sigil.Candidates.Syntax;
using Sigil.Runs.Inspection;

namespace Sigil.LanguageServer.Lenses;

/// <summary>
/// Which stored rows are a pin's: the qualname computed from syntax first; when it differs from the stored one (type
/// spellings syntax cannot settle), the stored qualname is located in the document as runs locate pins
/// (<see cref="PinMethods"/>) and compared with the declaration.
/// </summary>
internal static class PinRowMatcher
{
    /// <summary>The rows of <paramref name="pin"/> among <paramref name="rows"/>, and the stored qualname when there is one.</summary>
    public static (IReadOnlyList<SolutionRow> Rows, string QualifiedName) Match(PinDeclaration pin, string documentText, IEnumerable<SolutionRow> rows)
    {
        var named = rows.Where(r => r.Pin.StartsWith(pin.NamePrefix, StringComparison.Ordinal)).ToList();
        var exact = named.Where(r => r.Pin == pin.QualifiedName).ToList();
        if (exact.Count > 0 || named.Count == 0)
        {
            return (exact, pin.QualifiedName);
        }
        var declaration = pin.Method.ToString();
        foreach (var name in named.Select(r => r.Pin).Distinct(StringComparer.Ordinal))
        {
            if (PinMethods.FindDeclarations(documentText, name).Contains(declaration, StringComparer.Ordinal))
            {
                return (named.Where(r => r.Pin == name).ToList(), name);
            }
        }
        return ([], pin.QualifiedName);
    }
}
