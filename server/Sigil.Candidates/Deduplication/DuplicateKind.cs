namespace Sigil.Candidates.Deduplication;

/// <summary>Which key of a candidate was seen before.</summary>
public enum DuplicateKind
{
    /// <summary>Neither key: the candidate is new.</summary>
    None = 0,

    /// <summary>The same <see cref="Sigil.Core.Identity.CandidateId"/>: the very same diff and AST patch.</summary>
    SameCandidateId = 1,

    /// <summary>A different diff but the same normalized key: the same code, differing only in whitespace or comments.</summary>
    SameNormalizedKey = 2,
}
