namespace Sigil.Evaluation.Compilation;

/// <summary>
/// Maps between full paths of the project's files and the keys callers use: paths relative to the source root with
/// <c>/</c> separators (as in candidates' diffs). Case-sensitive where the file system usually is (Linux).
/// </summary>
internal sealed class SourcePaths
{
    private readonly string _rootWithSeparator;

    public SourcePaths(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _rootWithSeparator = Root + Path.DirectorySeparatorChar;
    }

    /// <summary>How paths compare on this OS.</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    private static StringComparison Comparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>The source root (full path, no trailing separator).</summary>
    public string Root { get; }

    /// <summary>Whether <paramref name="fullPath"/> is inside <paramref name="folder"/> (a full path).</summary>
    public static bool IsUnder(string fullPath, string folder) =>
        fullPath.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, Comparison);

    /// <summary>The key of a file under the root; <c>null</c> when it is outside.</summary>
    public string? KeyOf(string fullPath) =>
        IsUnder(fullPath, Root) ? fullPath[_rootWithSeparator.Length..].Replace(Path.DirectorySeparatorChar, '/') : null;

    /// <summary>A key, a path relative to the root (either separator) or a full path, as a normalized full path.</summary>
    public string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var native = path.Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar);
        return Path.GetFullPath(Path.IsPathRooted(native) ? native : Path.Combine(Root, native));
    }

    /// <summary>How a file is named in diagnostics: its key under the root, else its path as given.</summary>
    public string Display(string path) => Path.IsPathRooted(path) ? KeyOf(Path.GetFullPath(path)) ?? path : path.Replace('\\', '/');
}
