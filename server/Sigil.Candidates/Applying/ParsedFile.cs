using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>A changed file with its syntax before and after the edit.</summary>
internal readonly record struct ParsedFile(FileChange File, CompilationUnitSyntax Before, CompilationUnitSyntax After);
