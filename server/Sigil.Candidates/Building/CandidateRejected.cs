namespace Sigil.Candidates.Building;

/// <summary>No candidate: the answer had no usable edit, the edit was rejected, or it changed nothing.</summary>
/// <param name="Kind">Any <see cref="CandidateFailureKind"/>; <see cref="CandidateFailureKind.NoChange"/> comes from the builder itself.</param>
/// <param name="Message">What was wrong, written to be fed back to the generator.</param>
public sealed record CandidateRejected(CandidateFailureKind Kind, string Message) : CandidateResult
{
    /// <summary>The same kind and message as a storable failure.</summary>
    public override CandidateFailure Failure => new(Kind, Message);

    /// <summary>A rejection carrying <paramref name="failure"/>.</summary>
    public static CandidateRejected From(CandidateFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new CandidateRejected(failure.Kind, failure.Message);
    }
}
