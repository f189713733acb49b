namespace Sigil.Candidates.Applying;

/// <summary>Locating SEARCH lines in a file: exactly, by trimmed lines, or the closest window for feedback.</summary>
internal static class SearchMatcher
{
    /// <summary>Start indices where the file's lines equal <paramref name="search"/> exactly.</summary>
    public static List<int> Exact(IReadOnlyList<string> lines, IReadOnlyList<string> search) =>
        Matches(lines, search, static (a, b) => string.Equals(a, b, StringComparison.Ordinal));

    /// <summary>Start indices where the file's lines equal <paramref name="search"/> once both are trimmed.</summary>
    public static List<int> Trimmed(IReadOnlyList<string> lines, IReadOnlyList<string> search) =>
        Matches(lines, search, static (a, b) => a.AsSpan().Trim().SequenceEqual(b.AsSpan().Trim()));

    /// <summary><paramref name="search"/> without blank lines at its start and end.</summary>
    public static IReadOnlyList<string> WithoutBlankEdges(IReadOnlyList<string> search)
    {
        var start = 0;
        var end = search.Count;
        while (start < end && string.IsNullOrWhiteSpace(search[start]))
        {
            start++;
        }
        while (end > start && string.IsNullOrWhiteSpace(search[end - 1]))
        {
            end--;
        }
        return search.Skip(start).Take(end - start).ToList();
    }

    /// <summary>
    /// The replacement lines re-indented by the difference between the matched file lines and the SEARCH lines (taken
    /// at the first non-blank SEARCH line), for a match that ignored indentation.
    /// </summary>
    public static IReadOnlyList<string> Reindent(IReadOnlyList<string> matched, IReadOnlyList<string> search, IReadOnlyList<string> replace)
    {
        var k = 0;
        while (k < search.Count && string.IsNullOrWhiteSpace(search[k]))
        {
            k++;
        }
        if (k == search.Count)
        {
            return replace;
        }
        var fileIndent = Indentation(matched[k]);
        var searchIndent = Indentation(search[k]);
        if (fileIndent == searchIndent)
        {
            return replace;
        }
        return replace.Select(line =>
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return string.Empty;
            }
            if (line.StartsWith(searchIndent, StringComparison.Ordinal))
            {
                return fileIndent + line[searchIndent.Length..];
            }
            var own = Indentation(line);
            if (searchIndent.StartsWith(own, StringComparison.Ordinal))
            {
                var deficit = searchIndent.Length - own.Length;
                return fileIndent[..Math.Max(0, fileIndent.Length - deficit)] + line[own.Length..];
            }
            return fileIndent + line.TrimStart();
        }).ToList();
    }

    /// <summary>The window of the file most similar to <paramref name="search"/> (by trimmed-line bigram similarity).</summary>
    public static (int Start, int Count) Closest(IReadOnlyList<string> lines, IReadOnlyList<string> search)
    {
        if (lines.Count == 0 || search.Count == 0)
        {
            return (0, Math.Min(lines.Count, search.Count));
        }
        var size = Math.Min(search.Count, lines.Count);
        var trimmedSearch = search.Select(s => s.Trim()).ToList();
        var trimmedLines = lines.Select(s => s.Trim()).ToList();
        var best = 0;
        var bestScore = double.MinValue;
        for (var start = 0; start + size <= lines.Count; start++)
        {
            double score = 0;
            for (var k = 0; k < size; k++)
            {
                score += Similarity(trimmedSearch[k], trimmedLines[start + k]);
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = start;
            }
        }
        return (best, size);
    }

    /// <summary>Sørensen–Dice coefficient over character bigrams, 1 for two equal strings.</summary>
    internal static double Similarity(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }
        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }
        var bigrams = new Dictionary<int, int>();
        for (var i = 0; i + 1 < a.Length; i++)
        {
            var key = (a[i] << 16) | a[i + 1];
            bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
        }
        var common = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            var key = (b[i] << 16) | b[i + 1];
            if (bigrams.TryGetValue(key, out var count) && count > 0)
            {
                bigrams[key] = count - 1;
                common++;
            }
        }
        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }

    private static string Indentation(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static List<int> Matches(IReadOnlyList<string> lines, IReadOnlyList<string> search, Func<string, string, bool> equal)
    {
        var result = new List<int>();
        if (search.Count == 0)
        {
            return result;
        }
        for (var start = 0; start + search.Count <= lines.Count; start++)
        {
            var all = true;
            for (var k = 0; k < search.Count && all; k++)
            {
                all = equal(lines[start + k], search[k]);
            }
            if (all)
            {
                result.Add(start);
            }
        }
        return result;
    }
}
