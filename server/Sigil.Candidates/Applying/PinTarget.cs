using Microsoft.CodeAnalysis.Text;
using Sigil.Core.Identity;

namespace Sigil.Candidates.Applying;

/// <summary>
/// The pinned method an edit is for: the source file holding it (a key of the sources given to
/// <see cref="EditApplier"/>), and its qualname as in FunctionIDs (<c>Kernels.Root(double)</c>) and/or a span inside its
/// declaration in that file's text. The qualname is matched syntactically (containing types, name, and parameter types
/// without namespaces); give the span too when overloads differ only by namespace.
/// </summary>
/// <param name="FilePath">The pin's file, exactly as it appears among the source paths.</param>
/// <param name="QualifiedName">The FunctionID qualname; also the AST patch target of the pin when given.</param>
/// <param name="Span">A span inside the declaration (its start is what counts when it is empty).</param>
public sealed record PinTarget(string FilePath, string? QualifiedName = null, TextSpan? Span = null)
{
    /// <summary>The pin of <paramref name="functionId"/>, declared in <paramref name="filePath"/>.</summary>
    public static PinTarget For(string filePath, FunctionId functionId)
    {
        ArgumentNullException.ThrowIfNull(functionId);
        return new PinTarget(filePath, functionId.QualifiedName);
    }
}
