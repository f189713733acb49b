using Microsoft.CodeAnalysis.CSharp;
using Sigil.Candidates.Parsing;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// The public face of <see cref="PinLocator"/> for other components (publishing, trust): a pinned method's declarations
/// in a source text, found by its FunctionID qualname exactly as candidates find it.
/// </summary>
public static class PinMethods
{
    /// <summary>
    /// The declaration texts (attributes through body, without surrounding trivia) of the methods that match
    /// <paramref name="qualifiedName"/> in <paramref name="source"/>: none, one, or several when it is ambiguous.
    /// </summary>
    public static IReadOnlyList<string> FindDeclarations(string source, string qualifiedName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(qualifiedName);
        var root = CSharpSyntaxTree.ParseText(source, EditParser.DefaultParseOptions).GetCompilationUnitRoot();
        return [.. PinLocator.Find(root, qualifiedName, null).Select(m => m.ToString())];
    }
}
