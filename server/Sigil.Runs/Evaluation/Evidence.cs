using Sigil.Evaluation.Measurement;
using Sigil.Evaluation.Sandbox;

namespace Sigil.Runs.Evaluation;

/// <summary>Turns a sandbox result into the acceptance rule's evidence.</summary>
internal static class Evidence
{
    /// <summary>Relative tolerance when an eval score stands in for equal outputs.</summary>
    public const double ScoreTolerance = 1e-12;

    /// <summary>
    /// A sample is correct when the candidate's output equals the baseline's (both threw the same exception type counts
    /// as equal) or, with an eval function, when the candidate's score is at least the baseline's. A failed job (timeout,
    /// crash, policy, …) is evidence of that error and of no correct sample.
    /// </summary>
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
            Correct = result.Samples.Select(s => s.OutputsEqual || (hasEval && s.CandidateException is null && ScoreAtLeast(s.CandidateScore, s.BaselineScore))).ToList(),
            BaselineErrors = ErrorTaxonomy.FromExceptionTypes(result.Samples.Select(s => s.BaselineException)),
            CandidateErrors = ErrorTaxonomy.FromExceptionTypes(result.Samples.Select(s => s.CandidateException)),
            BaselineRoundNs = result.BaselineRoundNs.Select(n => (double)n).ToList(),
            CandidateRoundNs = result.CandidateRoundNs.Select(n => (double)n).ToList(),
            BaselineScores = hasEval ? result.Samples.Select(s => s.BaselineScore).ToList() : [],
            CandidateScores = hasEval ? result.Samples.Select(s => s.CandidateScore).ToList() : [],
        };
    }

    private static bool ScoreAtLeast(double? candidate, double? baseline) =>
        candidate is { } c && baseline is { } b && double.IsFinite(c) && c >= b - ScoreTolerance * Math.Max(1, Math.Abs(b));
}
