using System.Collections.Immutable;

namespace Sigil.Candidates.Applying;

/// <summary>
/// An edit applied to the parent's sources: the files it changed and the syntax units whose tokens it changed. It
/// parses, keeps the pin's signature and <c>[Improve]</c> attribute, and stays in scope. <see cref="Changes"/> is empty
/// when the edit changed only trivia or nothing (the builder turns that into <see cref="CandidateFailureKind.NoChange"/>).
/// </summary>
public sealed record AppliedEdit : EditApplyResult
{
    internal AppliedEdit(PinTarget pin, string pinTarget, ImmutableArray<FileChange> files, ImmutableArray<MemberChange> changes)
    {
        Pin = pin;
        PinPatchTarget = pinTarget;
        Files = files;
        Changes = changes;
    }

    /// <summary>The pin the edit was applied for.</summary>
    public PinTarget Pin { get; }

    /// <summary>The pin's target in the AST patch (its qualname).</summary>
    public string PinPatchTarget { get; }

    /// <summary>The files whose text changed, sorted by path (ordinal).</summary>
    public ImmutableArray<FileChange> Files { get; }

    /// <summary>The token-level changes, sorted by target (ordinal).</summary>
    public ImmutableArray<MemberChange> Changes { get; }

    /// <summary>Always <c>null</c>.</summary>
    public override CandidateFailure? Failure => null;

    /// <summary>Equal when the pin, files and changes are equal (element by element).</summary>
    public bool Equals(AppliedEdit? other) =>
        other is not null && Pin == other.Pin && PinPatchTarget == other.PinPatchTarget
        && Files.SequenceEqual(other.Files) && Changes.SequenceEqual(other.Changes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Pin, PinPatchTarget, Files.Length, Changes.Length);
}
