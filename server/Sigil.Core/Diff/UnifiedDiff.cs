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
    /// <c>--- a/path</c> / <c>+++ b/path</c> headers. Empty when the texts are equal. Line endings are normalized to
    /// LF (a CRLF file is diffed as its LF form); a missing newline at the end is marked as git and diff do.
    /// </summary>
    public static string Create(string before, string after, string path, int context = DefaultContext)
    {
        var oldLines = SplitLines(before);
        var newLines = SplitLines(after);
        var oldEol = EndsWithNewline(before);
        var newEol = EndsWithNewline(after);
        // A last line without a newline differs from the same text with one: mark it for the comparison only.
        var result = Differ.Instance.CreateDiffs(
            string.Join("\n", Keys(oldLines, oldEol)), string.Join("\n", Keys(newLines, newEol)),
            ignoreWhiteSpace: false, ignoreCase: false, new LineChunker());
        if (result.DiffBlocks.Count == 0)
        {
            return string.Empty;
        }
        var builder = new StringBuilder();
        builder.Append("--- a/").Append(path).Append('\n');
        builder.Append("+++ b/").Append(path).Append('\n');
        var ends = new LineEnds(oldLines.Length, oldEol, newLines.Length, newEol);
        foreach (var hunk in GroupHunks(result.DiffBlocks, oldLines.Length, context))
        {
            AppendHunk(builder, hunk, oldLines, newLines, context, ends);
        }
        return builder.ToString();
    }

    private const string NoNewlineMarker = "\\ No newline at end of file\n";

    private readonly record struct LineEnds(int OldCount, bool OldEol, int NewCount, bool NewEol)
    {
        public bool OldLastWithoutEol(int index) => !OldEol && index == OldCount - 1;

        public bool NewLastWithoutEol(int index) => !NewEol && index == NewCount - 1;
    }

    private static bool EndsWithNewline(string text) => text.Length == 0 || text.EndsWith('\n') || text.EndsWith('\r');

    private static string[] Keys(string[] lines, bool endsWithNewline)
    {
        if (endsWithNewline || lines.Length == 0)
        {
            return lines;
        }
        var keys = (string[])lines.Clone();
        keys[^1] += "\u0000no-eol";
        return keys;
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

    private static void AppendHunk(StringBuilder builder, List<DiffBlock> hunk, string[] oldLines, string[] newLines, int context, LineEnds ends)
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
                Context(builder, oldLines, cursor, ends);
            }
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                var index = block.DeleteStartA + i;
                builder.Append('-').Append(oldLines[index]).Append('\n');
                if (ends.OldLastWithoutEol(index))
                {
                    builder.Append(NoNewlineMarker);
                }
            }
            for (var i = 0; i < block.InsertCountB; i++)
            {
                var index = block.InsertStartB + i;
                builder.Append('+').Append(newLines[index]).Append('\n');
                if (ends.NewLastWithoutEol(index))
                {
                    builder.Append(NoNewlineMarker);
                }
            }
            cursor = block.DeleteStartA + block.DeleteCountA;
        }
        for (; cursor < oldEnd; cursor++)
        {
            Context(builder, oldLines, cursor, ends);
        }
    }

    private static void Context(StringBuilder builder, string[] oldLines, int index, LineEnds ends)
    {
        builder.Append(' ').Append(oldLines[index]).Append('\n');
        if (ends.OldLastWithoutEol(index))
        {
            builder.Append(NoNewlineMarker);
        }
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";
}
