namespace Sigil.Candidates.Parsing;

/// <summary>
/// What <see cref="EditParser"/> found in an answer: a <see cref="ProposedEdit"/> (<see cref="SearchReplaceEdit"/> or
/// <see cref="MethodReplacementEdit"/>), or <see cref="NoUsableEdit"/>.
/// </summary>
public abstract record EditParseResult
{
    private protected EditParseResult()
    {
    }

    /// <summary>The failure when no usable edit was found; <c>null</c> for a proposed edit.</summary>
    public abstract CandidateFailure? Failure { get; }
}
