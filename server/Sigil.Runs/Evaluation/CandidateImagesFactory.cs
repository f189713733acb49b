using Sigil.Evaluation.Compilation;

namespace Sigil.Runs.Evaluation;

/// <summary>One session's compilers (whole project, method only), handing out a <see cref="CandidateImages"/> per pin.</summary>
internal sealed class CandidateImagesFactory(CandidateCompiler whole, MethodOnlyCompiler? methodOnly)
{
    /// <summary>The compiler of <paramref name="pin"/>'s candidates.</summary>
    public CandidateImages For(PinMethod pin) => new(whole, methodOnly, pin);
}
