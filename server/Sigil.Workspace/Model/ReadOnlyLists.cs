using System.Collections.ObjectModel;

namespace Sigil.Workspace.Model;

/// <summary>Immutable copies of the lists carried by records.</summary>
internal static class ReadOnlyLists
{
    /// <summary>A read-only copy of <paramref name="source"/>, in its order; refuses null items.</summary>
    public static IReadOnlyList<T> Freeze<T>(IEnumerable<T>? source, string parameterName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source, parameterName);
        var copy = new List<T>();
        foreach (var item in source)
        {
            ArgumentNullException.ThrowIfNull(item, parameterName);
            copy.Add(item);
        }
        return new ReadOnlyCollection<T>(copy);
    }

    /// <summary>An empty read-only list.</summary>
    public static IReadOnlyList<T> Empty<T>() => ReadOnlyCollection<T>.Empty;
}
