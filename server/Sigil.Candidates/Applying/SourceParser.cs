using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>Parses a source text the way every step of applying an edit does: with the edit's parse options and the file's path.</summary>
internal static class SourceParser
{
    public static CompilationUnitSyntax Parse(string text, string path, EditOptions options) =>
        (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, options.ParseOptions, path).GetRoot();
}
