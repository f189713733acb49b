namespace Sigil.Candidates.Parsing;

/// <summary>An edit extracted from an answer, not yet applied to any source.</summary>
public abstract record ProposedEdit : EditParseResult
{
    private protected ProposedEdit()
    {
    }

    /// <summary>Always <c>null</c>: a proposed edit is not a failure (applying it may still fail).</summary>
    public sealed override CandidateFailure? Failure => null;
}
