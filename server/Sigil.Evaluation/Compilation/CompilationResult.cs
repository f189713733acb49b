using System.Collections.Immutable;

namespace Sigil.Evaluation.Compilation;

/// <summary>What <see cref="CandidateCompiler"/> made: a <see cref="CompiledCandidate"/> or a <see cref="CompilationFailed"/>.</summary>
public abstract record CompilationResult
{
    private protected CompilationResult(ImmutableArray<CompileDiagnostic> diagnostics, ImmutableArray<string> changedFiles, TimeSpan elapsed)
    {
        Diagnostics = diagnostics;
        ChangedFiles = changedFiles;
        Elapsed = elapsed;
    }

    /// <summary>
    /// Errors (all of them, wherever they are) and warnings (those in changed files, and source generator failures),
    /// those in changed files first, then by file, line and column.
    /// </summary>
    public ImmutableArray<CompileDiagnostic> Diagnostics { get; }

    /// <summary>The source keys of the files whose text differed from the baseline (sorted); empty for the baseline.</summary>
    public ImmutableArray<string> ChangedFiles { get; }

    /// <summary>Time spent compiling: parsing, generators and emit (not waiting for another compilation of the session).</summary>
    public TimeSpan Elapsed { get; }
}
