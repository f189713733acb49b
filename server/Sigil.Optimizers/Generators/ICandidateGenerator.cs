namespace Sigil.Optimizers.Generators;

/// <summary>
/// Proposes answer text for a pinned method: SEARCH/REPLACE blocks or a whole method in a fenced <c>csharp</c> block,
/// to be turned into a candidate by <see cref="Sigil.Candidates.Building.CandidateBuilder"/>. An answer with no usable
/// edit is still an answer (the parser classifies it); a <see cref="GenerationFailure"/> means no answer was obtained
/// (transport, budget, or a rule that does not apply).
/// </summary>
public interface ICandidateGenerator
{
    /// <summary>A short stable name for the kind of generator (<c>llm</c>, <c>rules</c>), stored with each candidate.</summary>
    string Kind { get; }

    /// <summary>
    /// Proposes one answer for <paramref name="request"/>. Never throws for what the endpoint or the method does
    /// (those are failures in the result); throws <see cref="OperationCanceledException"/> when
    /// <paramref name="ct"/> is cancelled and <see cref="ArgumentException"/> for a malformed request.
    /// </summary>
    Task<GenerationResult> ProposeAsync(GenerationRequest request, CancellationToken ct);
}
