namespace Sigil.Candidates.Applying;

/// <summary>The edit could not be applied, or its result is not acceptable; the kind and message say why.</summary>
/// <param name="Kind">
/// One of <see cref="CandidateFailureKind.UnknownFile"/>, <see cref="CandidateFailureKind.EmptySearch"/>,
/// <see cref="CandidateFailureKind.SearchNotFound"/>, <see cref="CandidateFailureKind.SearchAmbiguous"/>,
/// <see cref="CandidateFailureKind.NotOneMethod"/>, <see cref="CandidateFailureKind.ParseError"/>,
/// <see cref="CandidateFailureKind.SignatureChanged"/>, <see cref="CandidateFailureKind.PinAttributeChanged"/>,
/// <see cref="CandidateFailureKind.OutOfScope"/>.
/// </param>
/// <param name="Message">What was wrong, written to be fed back to the generator.</param>
public sealed record EditRejected(CandidateFailureKind Kind, string Message) : EditApplyResult
{
    /// <summary>The same kind and message as a storable failure.</summary>
    public override CandidateFailure Failure => new(Kind, Message);
}
