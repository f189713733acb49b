using System.Collections.Immutable;
using Sigil.Candidates.Applying;
using Sigil.Core.Identity;

namespace Sigil.Candidates.Building;

/// <summary>
/// A candidate implementation: the unified diff from its parent's sources, the canonical AST patch, its identity, the
/// key of its normalized syntax and the new texts. Build with <see cref="CandidateBuilder"/>; the properties satisfy
/// <c>Id == CandidateId.Compute(Diff, AstPatch)</c> and <c>NormalizedKey == CandidateBuilder.ComputeNormalizedKey(AstPatch)</c>.
/// </summary>
public sealed record Candidate : CandidateResult
{
    internal Candidate(CandidateId id, string diff, string astPatch, string normalizedKey, ImmutableArray<FileChange> files, ImmutableArray<MemberChange> changes)
    {
        Id = id;
        Diff = diff;
        AstPatch = astPatch;
        NormalizedKey = normalizedKey;
        Files = files;
        Changes = changes;
    }

    /// <summary><c>diff://b3:…</c> over <see cref="Diff"/> and <see cref="AstPatch"/>.</summary>
    public CandidateId Id { get; }

    /// <summary>
    /// The unified diff against the parent: one <c>--- a/path</c> / <c>+++ b/path</c> section per changed file, sorted
    /// by path, LF line endings; applies with <c>git apply</c> from the sources' root.
    /// </summary>
    public string Diff { get; }

    /// <summary>The canonical AST patch (<see cref="Sigil.Core.Identity.AstPatch.ToCanonicalString"/>), one entry per <see cref="Changes"/> item.</summary>
    public string AstPatch { get; }

    /// <summary>
    /// BLAKE3 (64 lowercase hex) of <see cref="AstPatch"/>: equal for two candidates from the same parent that differ only
    /// in whitespace, comments or other trivia (their <see cref="Id"/>s differ).
    /// </summary>
    public string NormalizedKey { get; }

    /// <summary>The changed files with their parent and new texts, sorted by path.</summary>
    public ImmutableArray<FileChange> Files { get; }

    /// <summary>The token-level changes the AST patch records, sorted by target.</summary>
    public ImmutableArray<MemberChange> Changes { get; }

    /// <summary>The new texts of the changed files (path → text).</summary>
    public IReadOnlyDictionary<string, string> NewSources => Files.ToDictionary(f => f.Path, f => f.After, StringComparer.Ordinal);

    /// <summary>All of the project's texts after this candidate: <paramref name="parentSources"/> with the changed files replaced.</summary>
    public IReadOnlyDictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> parentSources)
    {
        ArgumentNullException.ThrowIfNull(parentSources);
        var result = new Dictionary<string, string>(parentSources.Count, StringComparer.Ordinal);
        foreach (var (path, text) in parentSources)
        {
            result[path] = text;
        }
        foreach (var file in Files)
        {
            result[file.Path] = file.After;
        }
        return result;
    }

    /// <summary>Always <c>null</c>.</summary>
    public override CandidateFailure? Failure => null;

    /// <summary>Equal when every property is equal (files and changes element by element).</summary>
    public bool Equals(Candidate? other) =>
        other is not null && Id == other.Id && Diff == other.Diff && AstPatch == other.AstPatch && NormalizedKey == other.NormalizedKey
        && Files.SequenceEqual(other.Files) && Changes.SequenceEqual(other.Changes);

    /// <inheritdoc />
    public override int GetHashCode() => Id.GetHashCode();
}
