using System.Collections.Immutable;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Which syntax units an edit changed, and how they are reported as <see cref="MemberChange"/>s: the pin under its
/// target name, and a member's key qualified by its file when the same key changed in several files.
/// </summary>
internal static class UnitChanges
{
    /// <summary>The units of one file that were added, changed or removed (by normalized text).</summary>
    public static IEnumerable<UnitChange> Compare(IReadOnlyList<SyntaxUnit> before, IReadOnlyList<SyntaxUnit> after, string path)
    {
        var old = before.ToDictionary(u => u.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in after)
        {
            seen.Add(unit.Key);
            var previous = old.TryGetValue(unit.Key, out var match) ? match.Normalized : string.Empty;
            if (!string.Equals(previous, unit.Normalized, StringComparison.Ordinal))
            {
                yield return new UnitChange(unit, path, previous, unit.Normalized);
            }
        }
        foreach (var unit in before.Where(u => !seen.Contains(u.Key) && u.Normalized.Length > 0))
        {
            yield return new UnitChange(unit, path, unit.Normalized, string.Empty);
        }
    }

    /// <summary>The changes as reported, ordered by target.</summary>
    public static ImmutableArray<MemberChange> ToMemberChanges(IReadOnlyList<UnitChange> changes, string pinPath, string pinKey, string pinTarget)
    {
        var targets = changes.Select(c => (Change: c, Target: Target(c.Unit.Key, c.Path, pinPath, pinKey, pinTarget))).ToList();
        var collisions = targets.GroupBy(t => t.Target, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Change.Path).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return targets
            .Select(t => new MemberChange(
                collisions.Contains(t.Target) ? $"{t.Target} in {t.Change.Path}" : t.Target,
                t.Change.Path,
                t.Change.Unit.Part,
                t.Change.Before,
                t.Change.After))
            .OrderBy(c => c.Target, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static string Target(string key, string path, string pinPath, string pinKey, string pinTarget)
    {
        if (path != pinPath)
        {
            return key;
        }
        if (key == pinKey)
        {
            return pinTarget;
        }
        return key == pinKey + SyntaxUnits.AttributesSuffix ? pinTarget + SyntaxUnits.AttributesSuffix : key;
    }
}
