using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Benchmarks.Pipeline;

/// <summary>
/// A sandbox result as the acceptance rule's evidence, exactly as a run maps it (Sigil.Runs.Evaluation.Evidence, which is
/// internal there, re-stated here): a sample is correct when the outputs are equal or, with an eval, when the
/// candidate's score is at least the baseline's; a failed job is evidence of its error and of no correct sample.
/// </summary>
internal static class RunEvidence
{
    private const double ScoreTolerance = 1e-12;

    public static AcceptanceEvidence From(SandboxResult result, bool hasEval)
    {
        if (!result.Succeeded)
        {
            var errors = result.ErrorClass switch
            {
                SandboxErrorClass.Timeout => new ErrorTaxonomy(timeouts: 1),
                SandboxErrorClass.PolicyViolation => new ErrorTaxonomy(policyViolations: 1),
                _ => new ErrorTaxonomy(crashes: 1),
            };
            return new AcceptanceEvidence { Correct = [], CandidateErrors = errors };
        }
        return new AcceptanceEvidence
        {
            Correct = [.. result.Samples.Select(s => s.OutputsEqual || (hasEval && s.CandidateException is null && ScoreAtLeast(s.CandidateScore, s.BaselineScore)))],
            BaselineErrors = ErrorTaxonomy.FromExceptionTypes(result.Samples.Select(s => s.BaselineException)),
            CandidateErrors = ErrorTaxonomy.FromExceptionTypes(result.Samples.Select(s => s.CandidateException)),
            BaselineRoundNs = [.. result.BaselineRoundNs.Select(n => (double)n)],
            CandidateRoundNs = [.. result.CandidateRoundNs.Select(n => (double)n)],
            BaselineScores = hasEval ? [.. result.Samples.Select(s => s.BaselineScore)] : [],
            CandidateScores = hasEval ? [.. result.Samples.Select(s => s.CandidateScore)] : [],
        };
    }

    private static bool ScoreAtLeast(double? candidate, double? baseline) =>
        candidate is { } c && baseline is { } b && double.IsFinite(c) && c >= b - ScoreTolerance * Math.Max(1, Math.Abs(b));
}
