using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace Sigil.Core.Diff;

/// <summary>Unified diffs (the <c>diff -u</c> / <c>git diff</c> text format) built with DiffPlex.</summary>
public static class UnifiedDiff
{
    /// <summary>Lines of context around each change.</summary>
    public const int DefaultContext = 3;

    /// <summary>
    /// The unified diff turning <paramref name="before"/> into <paramref name="after"/>, with
    /// <c>--- a/path</c> / <c>+++ b/path</c> headers. Empty when the texts are equal. Newlines are normalized to LF.
    /// </summary>
    public static string Create(string before, string after, string path, int context = DefaultContext)
    {
        var oldLines = SplitLines(before);
        var newLines = SplitLines(after);
        var result = Differ.Instance.CreateDiffs(string.Join("\n", oldLines), string.Join("\n", newLines), ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        if (result.DiffBlocks.Count == 0)
        {
            return string.Empty;
        }
        var builder = new StringBuilder();
        builder.Append("--- a/").Append(path).Append('\n');
        builder.Append("+++ b/").Append(path).Append('\n');
        foreach (var hunk in GroupHunks(result.DiffBlocks, oldLines.Length, context))
        {
            AppendHunk(builder, hunk, oldLines, newLines, context);
        }
        return builder.ToString();
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized[..^1];
        }
        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }

    private static List<List<DiffBlock>> GroupHunks(IList<DiffBlock> blocks, int oldCount, int context)
    {
        var hunks = new List<List<DiffBlock>>();
        foreach (var block in blocks)
        {
            var last = hunks.Count > 0 ? hunks[^1][^1] : null;
            if (last is not null && block.DeleteStartA - (last.DeleteStartA + last.DeleteCountA) <= 2 * context)
            {
                hunks[^1].Add(block);
            }
            else
            {
                hunks.Add([block]);
            }
        }
        return hunks;
    }

    private static void AppendHunk(StringBuilder builder, List<DiffBlock> hunk, string[] oldLines, string[] newLines, int context)
    {
        var first = hunk[0];
        var last = hunk[^1];
        var oldStart = Math.Max(0, first.DeleteStartA - context);
        var oldEnd = Math.Min(oldLines.Length, last.DeleteStartA + last.DeleteCountA + context);
        var newStart = first.InsertStartB - (first.DeleteStartA - oldStart);
        var newEnd = newStart + (oldEnd - oldStart) + hunk.Sum(b => b.InsertCountB - b.DeleteCountA);
        builder.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");
        var cursor = oldStart;
        foreach (var block in hunk)
        {
            for (; cursor < block.DeleteStartA; cursor++)
            {
                builder.Append(' ').Append(oldLines[cursor]).Append('\n');
            }
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                builder.Append('-').Append(oldLines[block.DeleteStartA + i]).Append('\n');
            }
            for (var i = 0; i < block.InsertCountB; i++)
            {
                builder.Append('+').Append(newLines[block.InsertStartB + i]).Append('\n');
            }
            cursor = block.DeleteStartA + block.DeleteCountA;
        }
        for (; cursor < oldEnd; cursor++)
        {
            builder.Append(' ').Append(oldLines[cursor]).Append('\n');
        }
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";
}
