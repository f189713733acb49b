namespace Sigil.Evaluation.Sandbox;

/// <summary>One sample's verdict from the first round of an evaluation.</summary>
/// <param name="Index">The sample's index in <see cref="SandboxContext.Samples"/>.</param>
/// <param name="OutputsEqual">
/// Whether the candidate's output equals the baseline's: the JSON of the return values; when either threw, whether both
/// threw the same exception type; for a void pin, true unless exactly one threw.
/// </param>
/// <param name="BaselineScore">The eval's score of the baseline's output; null without an eval or when a call or the eval threw.</param>
/// <param name="CandidateScore">The eval's score of the candidate's output; null without an eval or when a call or the eval threw.</param>
/// <param name="BaselineException">The exception type the baseline threw, if any.</param>
/// <param name="CandidateException">The exception type the candidate threw, if any.</param>
/// <param name="CandidateExceptionMessage">Its message (shortened).</param>
/// <param name="Note">Why an output could not be compared or scored, if so.</param>
public sealed record SampleOutcome(
    int Index, bool OutputsEqual, double? BaselineScore, double? CandidateScore,
    string? BaselineException, string? CandidateException, string? CandidateExceptionMessage, string? Note);
