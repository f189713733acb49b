using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>A syntax unit of <paramref name="Path"/> whose normalized text went from <paramref name="Before"/> to <paramref name="After"/> (empty: absent).</summary>
internal readonly record struct UnitChange(SyntaxUnit Unit, string Path, string Before, string After);
