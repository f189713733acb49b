namespace Sigil.Benchmarks.Lsp;

/// <summary>A pinned method of the generated solution: where it is and what the language server should say about it.</summary>
/// <param name="FilePath">The C# file holding it.</param>
/// <param name="QualifiedName">Its FunctionID qualname (<c>Component013.Root013(double)</c>), what the lenses carry.</param>
/// <param name="AttributeLine">The zero-based line of its <c>[Improve]</c> attribute (where its lenses show).</param>
internal sealed record GeneratedPin(string FilePath, string QualifiedName, int AttributeLine)
{
    /// <summary>The file's <c>file:</c> URI.</summary>
    public string Uri => new Uri(FilePath).AbsoluteUri;
}
