using System.Globalization;
using System.Text;

namespace Sigil.Core.Diff;

/// <summary>
/// Applies unified diffs as <see cref="UnifiedDiff.Create"/> writes them (one <c>--- a/path</c> / <c>+++ b/path</c>
/// section per file, exact hunk positions, the no-newline marker). Strict: every context and removed line must match
/// where the hunk says, so a stored candidate is rebuilt exactly or not at all.
/// </summary>
public static class UnifiedPatch
{
    /// <summary>
    /// <paramref name="sources"/> (path → text) with every file section of <paramref name="diff"/> applied.
    /// </summary>
    /// <exception cref="InvalidDataException">The diff is malformed, names a file not in the sources, or does not apply.</exception>
    public static IReadOnlyDictionary<string, string> ApplyAll(IReadOnlyDictionary<string, string> sources, string diff)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(diff);
        var result = new Dictionary<string, string>(sources, StringComparer.Ordinal);
        var lines = diff.Replace("\r\n", "\n").Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Length == 0 && i == lines.Length - 1)
            {
                break;
            }
            if (!lines[i].StartsWith("--- a/", StringComparison.Ordinal) || i + 1 >= lines.Length || !lines[i + 1].StartsWith("+++ b/", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Line {i + 1} of the diff is not a '--- a/PATH' / '+++ b/PATH' file header.");
            }
            var path = lines[i + 1]["+++ b/".Length..];
            if (!result.TryGetValue(path, out var before))
            {
                throw new InvalidDataException($"The diff changes {path}, which is not among the sources.");
            }
            i += 2;
            var start = i;
            while (i < lines.Length && !lines[i].StartsWith("--- a/", StringComparison.Ordinal))
            {
                i++;
            }
            result[path] = Apply(before, lines[start..i], path);
        }
        return result;
    }

    private static string Apply(string before, string[] hunks, string path)
    {
        var text = before.Replace("\r\n", "\n");
        var endsWithNewline = text.Length == 0 || text.EndsWith('\n');
        var old = text.Length == 0 ? [] : (endsWithNewline ? text[..^1] : text).Split('\n');
        var output = new List<string>(old.Length + 16);
        var newEndsWithNewline = endsWithNewline;
        var cursor = 0;
        var i = 0;
        while (i < hunks.Length)
        {
            if (hunks[i].Length == 0)
            {
                i++;
                continue;
            }
            var oldStart = HunkStart(hunks[i], path);
            var at = Math.Max(0, oldStart - 1);
            if (at < cursor || at > old.Length)
            {
                throw new InvalidDataException($"A hunk of {path} starts at line {oldStart}, outside the file or before the previous hunk.");
            }
            output.AddRange(old[cursor..at]);
            cursor = at;
            i++;
            char last = ' ';
            for (; i < hunks.Length && !hunks[i].StartsWith("@@", StringComparison.Ordinal) && hunks[i].Length > 0; i++)
            {
                var line = hunks[i];
                switch (line[0])
                {
                    case ' ' or '-':
                        if (cursor >= old.Length || old[cursor] != line[1..])
                        {
                            throw new InvalidDataException($"The diff does not apply to {path}: line {cursor + 1} is not '{line[1..]}'.");
                        }
                        if (line[0] == ' ')
                        {
                            output.Add(old[cursor]);
                        }
                        cursor++;
                        break;
                    case '+':
                        output.Add(line[1..]);
                        newEndsWithNewline = true;
                        break;
                    case '\\':
                        newEndsWithNewline = last == '-';
                        break;
                    default:
                        throw new InvalidDataException($"Unexpected line in a hunk of {path}: '{line}'.");
                }
                last = line[0];
            }
        }
        output.AddRange(old[cursor..]);
        if (cursor < old.Length)
        {
            newEndsWithNewline = endsWithNewline;
        }
        var joined = new StringBuilder(string.Join("\n", output));
        if (output.Count > 0 && newEndsWithNewline)
        {
            joined.Append('\n');
        }
        return joined.ToString();
    }

    private static int HunkStart(string header, string path)
    {
        // @@ -start[,count] +start[,count] @@
        if (!header.StartsWith("@@ -", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Expected a hunk header '@@ -L,N +L,N @@' in the diff of {path}, found '{header}'.");
        }
        var end = header.IndexOfAny([',', ' '], 4);
        if (end < 0 || !int.TryParse(header.AsSpan(4, end - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            throw new InvalidDataException($"The hunk header '{header}' in the diff of {path} has no start line.");
        }
        return start;
    }
}
