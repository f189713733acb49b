namespace Sigil.Candidates.Building;

/// <summary>What <see cref="CandidateBuilder"/> made: a <see cref="Candidate"/> or a <see cref="CandidateRejected"/>.</summary>
public abstract record CandidateResult
{
    private protected CandidateResult()
    {
    }

    /// <summary>The failure when no candidate was made; <c>null</c> for a candidate.</summary>
    public abstract CandidateFailure? Failure { get; }
}
