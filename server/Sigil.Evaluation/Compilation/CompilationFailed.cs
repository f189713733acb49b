using System.Collections.Immutable;

namespace Sigil.Evaluation.Compilation;

/// <summary>The candidate does not compile; <see cref="CompilationResult.Diagnostics"/> says why (at least one error).</summary>
public sealed record CompilationFailed : CompilationResult
{
    internal CompilationFailed(ImmutableArray<CompileDiagnostic> diagnostics, ImmutableArray<string> changedFiles, TimeSpan elapsed)
        : base(diagnostics, changedFiles, elapsed)
    {
    }

    /// <summary>The errors only.</summary>
    public IEnumerable<CompileDiagnostic> Errors => Diagnostics.Where(d => d.Severity == CompileSeverity.Error);

    /// <summary>The errors in changed files, one per line in the compiler's format: the text to feed back to the generator.</summary>
    public string Feedback => string.Join('\n', (Errors.Any(e => e.InChangedFile) ? Errors.Where(e => e.InChangedFile) : Errors).Select(e => e.ToString()));
}
