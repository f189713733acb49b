using System.Collections.Immutable;

namespace Sigil.Candidates.Parsing;

/// <summary>One or more SEARCH/REPLACE blocks, applied in order (each to the text the previous ones produced).</summary>
/// <param name="Blocks">The blocks in answer order; never empty when it comes from <see cref="EditParser"/>.</param>
public sealed record SearchReplaceEdit(ImmutableArray<SearchReplaceBlock> Blocks) : ProposedEdit
{
    /// <summary>Equal when the blocks are equal, in order.</summary>
    public bool Equals(SearchReplaceEdit? other) => other is not null && Blocks.SequenceEqual(other.Blocks);

    /// <inheritdoc />
    public override int GetHashCode() => Blocks.Aggregate(Blocks.Length, (hash, block) => HashCode.Combine(hash, block));
}
