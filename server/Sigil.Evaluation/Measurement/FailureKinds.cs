namespace Sigil.Evaluation.Measurement;

/// <summary>
/// The stable kinds of a rejected evaluation (<see cref="AcceptanceDecision.FailureKind"/>,
/// <see cref="ErrorTaxonomy.ErrorClass"/>), the same words the search strategies use for a trial's failure kind.
/// </summary>
public static class FailureKinds
{
    /// <summary>The candidate did not compile.</summary>
    public const string CompileError = "compile-error";

    /// <summary>The candidate uses an API its policy forbids.</summary>
    public const string PolicyViolation = "policy-violation";

    /// <summary>The worker died running the candidate (memory limit, stack overflow, killed).</summary>
    public const string Crash = "crash";

    /// <summary>The candidate ran past its time limit.</summary>
    public const string Timeout = "timeout";

    /// <summary>The candidate threw where the baseline did not.</summary>
    public const string Exception = "exception";

    /// <summary>The candidate's results differ from the baseline's (or the eval function's verdict is fail).</summary>
    public const string WrongResult = "wrong-result";

    /// <summary>The candidate's eval function gave no score where the baseline's did.</summary>
    public const string EvalError = "eval-error";

    /// <summary>No sample was run, so nothing supports the candidate.</summary>
    public const string NoSamples = "no-samples";

    /// <summary>Correct, but the objective's improvement is not statistically supported.</summary>
    public const string NotImproved = "not-improved";

    /// <summary>Faster, but its eval score is worse than the non-inferiority margin allows.</summary>
    public const string ScoreRegression = "score-regression";
}
