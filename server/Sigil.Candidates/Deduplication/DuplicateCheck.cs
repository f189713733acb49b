using Sigil.Core.Identity;

namespace Sigil.Candidates.Deduplication;

/// <summary>The answer to "seen before?": which key matched and the candidate first seen with it.</summary>
/// <param name="Kind">Which key matched, or <see cref="DuplicateKind.None"/>.</param>
/// <param name="FirstSeen">The first candidate recorded with the same code (the one to evaluate or already evaluated); <c>null</c> when new.</param>
public sealed record DuplicateCheck(DuplicateKind Kind, CandidateId? FirstSeen)
{
    /// <summary>The answer for a candidate never seen.</summary>
    public static DuplicateCheck New { get; } = new(DuplicateKind.None, null);

    /// <summary>True when either key was seen before.</summary>
    public bool IsDuplicate => Kind != DuplicateKind.None;
}
