namespace Sigil.Evaluation.Measurement;

/// <summary>The raw results of one paired evaluation, as the worker returns them, for <see cref="AcceptanceRule"/>.</summary>
public sealed record AcceptanceEvidence
{
    /// <summary>Per sample: did the candidate's result match the baseline's (or pass the eval function's check)? Empty when nothing ran.</summary>
    public required IReadOnlyList<bool> Correct { get; init; }

    /// <summary>The baseline's errors on the same samples (exceptions it throws are expected of the candidate too).</summary>
    public ErrorTaxonomy BaselineErrors { get; init; } = ErrorTaxonomy.None;

    /// <summary>The candidate's errors: compile errors, policy violations, crashes, timeouts, exceptions.</summary>
    public ErrorTaxonomy CandidateErrors { get; init; } = ErrorTaxonomy.None;

    /// <summary>The baseline's total time per round, nanoseconds.</summary>
    public IReadOnlyList<double> BaselineRoundNs { get; init; } = [];

    /// <summary>The candidate's total time per round, nanoseconds, same rounds.</summary>
    public IReadOnlyList<double> CandidateRoundNs { get; init; } = [];

    /// <summary>The baseline's eval score per sample (null when its eval threw); empty when not scored.</summary>
    public IReadOnlyList<double?> BaselineScores { get; init; } = [];

    /// <summary>The candidate's eval score per sample, same samples; empty when not scored.</summary>
    public IReadOnlyList<double?> CandidateScores { get; init; } = [];
}
