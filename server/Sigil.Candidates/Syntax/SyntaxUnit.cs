using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Sigil.Candidates.Applying;

namespace Sigil.Candidates.Syntax;

/// <summary>
/// One part of a file's syntax in the partition <see cref="SyntaxUnits"/> makes: its key (unique in the file), what it
/// is, its normalized token text, its node and the keys of the type units around it (outermost first).
/// </summary>
internal sealed record SyntaxUnit(string Key, ChangedPart Part, string Normalized, SyntaxNode Node, ImmutableArray<string> EnclosingTypes);
