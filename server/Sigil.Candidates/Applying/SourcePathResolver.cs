namespace Sigil.Candidates.Applying;

/// <summary>
/// Resolves the file a SEARCH block names to one of the source paths: exactly, then by path suffix, then without a
/// diff's <c>a/</c> or <c>b/</c> prefix, then by file name. No name means the pin's file.
/// </summary>
internal static class SourcePathResolver
{
    /// <summary>The source path <paramref name="named"/> refers to, or null with <paramref name="rejected"/> set.</summary>
    public static string? Resolve(IReadOnlyDictionary<string, string> sources, string? named, string pinPath, string label, out EditRejected? rejected)
    {
        rejected = null;
        if (named is null)
        {
            return pinPath;
        }
        var wanted = Clean(named);
        var keys = sources.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var stages = new Func<string, bool>[]
        {
            key => Clean(key) == wanted,
            key => Clean(key).EndsWith("/" + wanted, StringComparison.Ordinal),
            key => wanted.Length > 2 && wanted[1] == '/' && wanted[0] is 'a' or 'b'
                && (Clean(key) == wanted[2..] || Clean(key).EndsWith(wanted[1..], StringComparison.Ordinal)),
            key => Path.GetFileName(Clean(key)) == Path.GetFileName(wanted),
        };
        foreach (var stage in stages)
        {
            var hits = keys.Where(stage).ToList();
            if (hits.Count == 1)
            {
                return hits[0];
            }
            if (hits.Count > 1)
            {
                rejected = new EditRejected(CandidateFailureKind.UnknownFile,
                    $"{label} names '{named}', which matches several source files ({string.Join(", ", hits.Take(EditApplier.MaxListed))}); write the full path.");
                return null;
            }
        }
        rejected = new EditRejected(CandidateFailureKind.UnknownFile,
            $"{label} names '{named}', which is not one of the project's source files ({string.Join(", ", keys.Take(EditApplier.MaxListed))}{(keys.Count > EditApplier.MaxListed ? ", ..." : "")}). "
            + "Edit existing files only, named by one of these paths.");
        return null;
    }

    private static string Clean(string path)
    {
        var clean = path.Trim().Replace('\\', '/');
        while (clean.StartsWith("./", StringComparison.Ordinal))
        {
            clean = clean[2..];
        }
        return clean;
    }
}
