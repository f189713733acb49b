namespace Sigil.Candidates;

/// <summary>
/// A classified reason why an answer did not become a candidate: the kind, and a message written for the generator
/// (it says what was wrong and what to do instead, and is meant to be stored and quoted in the next prompt).
/// </summary>
/// <param name="Kind">The classification.</param>
/// <param name="Message">A human-readable explanation, possibly several lines (closest lines, diagnostics).</param>
public sealed record CandidateFailure(CandidateFailureKind Kind, string Message)
{
    /// <summary><c>Kind: Message</c>.</summary>
    public override string ToString() => $"{Kind}: {Message}";
}
