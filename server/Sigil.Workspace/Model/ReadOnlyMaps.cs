using System.Collections.ObjectModel;

namespace Sigil.Workspace.Model;

/// <summary>Immutable, ordinal-sorted copies of the maps carried by records.</summary>
internal static class ReadOnlyMaps
{
    /// <summary>A read-only copy of <paramref name="source"/> sorted by ordinal key.</summary>
    public static IReadOnlyDictionary<string, TValue> Freeze<TValue>(IReadOnlyDictionary<string, TValue>? source, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(source, parameterName);
        var copy = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            ArgumentNullException.ThrowIfNull(key, parameterName);
            copy.Add(key, value);
        }
        return new ReadOnlyDictionary<string, TValue>(copy);
    }

    /// <summary>An empty read-only map.</summary>
    public static IReadOnlyDictionary<string, TValue> Empty<TValue>() =>
        new ReadOnlyDictionary<string, TValue>(new SortedDictionary<string, TValue>(StringComparer.Ordinal));

    /// <summary>True when both maps hold the same keys with equal values.</summary>
    public static bool ContentEquals<TValue>(IReadOnlyDictionary<string, TValue> left, IReadOnlyDictionary<string, TValue> right) =>
        left.Count == right.Count
        && left.All(p => right.TryGetValue(p.Key, out var value) && EqualityComparer<TValue>.Default.Equals(p.Value, value));
}
