namespace Sigil.Candidates.Applying;

/// <summary>What <see cref="EditApplier"/> made of an edit: an <see cref="AppliedEdit"/> or an <see cref="EditRejected"/>.</summary>
public abstract record EditApplyResult
{
    private protected EditApplyResult()
    {
    }

    /// <summary>The failure when the edit was rejected; <c>null</c> when it applied.</summary>
    public abstract CandidateFailure? Failure { get; }
}
