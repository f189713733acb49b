namespace Sigil.Evaluation.Sandbox.Protocol;

/// <summary>One sample's outcome in the first round.</summary>
internal sealed class SampleReport
{
    /// <summary>The sample's index in the context.</summary>
    public int Index { get; init; }

    /// <summary>Whether the candidate's output equals the baseline's (JSON of the return values; both threw the same exception type; void: true).</summary>
    public bool OutputsEqual { get; init; }

    /// <summary>The eval's score of the baseline's output; null without an eval or when a call or the eval threw.</summary>
    public double? BaselineScore { get; init; }

    /// <summary>The eval's score of the candidate's output; null without an eval or when a call or the eval threw.</summary>
    public double? CandidateScore { get; init; }

    /// <summary>The type of the exception the baseline threw, if it did.</summary>
    public string? BaselineException { get; init; }

    /// <summary>The type of the exception the candidate threw, if it did.</summary>
    public string? CandidateException { get; init; }

    /// <summary>That exception's message (shortened).</summary>
    public string? CandidateExceptionMessage { get; init; }

    /// <summary>Why an output could not be compared or scored, if so.</summary>
    public string? Note { get; init; }
}
