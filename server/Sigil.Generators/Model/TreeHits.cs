using Microsoft.CodeAnalysis;

namespace Sigil.Generators.Model
{
    /// <summary>The name hits of one syntax tree (compared by tree identity, so unchanged files stay cached).</summary>
    internal sealed record TreeHits(SyntaxTree Tree, EquatableArray<NameHit> Hits);
}
