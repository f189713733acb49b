namespace Sigil.Candidates.Parsing;

/// <summary>The answer holds no edit that can be applied; the kind and message say why.</summary>
/// <param name="Kind">
/// One of <see cref="CandidateFailureKind.Empty"/>, <see cref="CandidateFailureKind.NoEditFound"/>,
/// <see cref="CandidateFailureKind.MalformedBlock"/>, <see cref="CandidateFailureKind.NotCSharp"/>,
/// <see cref="CandidateFailureKind.NotOneMethod"/>.
/// </param>
/// <param name="Message">What was wrong, written to be fed back to the generator.</param>
public sealed record NoUsableEdit(CandidateFailureKind Kind, string Message) : EditParseResult
{
    /// <summary>The same kind and message as a storable failure.</summary>
    public override CandidateFailure Failure => new(Kind, Message);
}
