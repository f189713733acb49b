using Sigil.Evaluation.Compilation;

namespace Sigil.Runs.Evaluation;

/// <summary>
/// Compiles a pin's candidates: the method alone when only the pin's method changed (<see cref="MethodOnlyCompiler"/>,
/// milliseconds), else the whole project (<see cref="CandidateCompiler"/>, which also gives compile errors their real
/// file and line).
/// </summary>
internal sealed class CandidateImages(CandidateCompiler whole, MethodOnlyCompiler? methodOnly, PinMethod pin)
{
    private readonly Lazy<CompiledCandidate?> _baselineMethod = new(() => methodOnly?.CompileBaselineMethod(pin));

    /// <summary>
    /// The baseline's method compiled alone, that method-only candidates are timed against (so both sides are loaded and
    /// warmed alike); null when the fast path does not apply to the pin.
    /// </summary>
    public CompiledCandidate? BaselineMethod => _baselineMethod.Value;

    /// <summary>Compiles <paramref name="sources"/> (the project's texts with the candidate's files swapped in).</summary>
    public CompilationResult Compile(IReadOnlyDictionary<string, string> sources, CancellationToken ct) =>
        methodOnly?.TryCompile(sources, pin, ct) ?? whole.Compile(sources, ct);
}
