using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Parsing;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Applies SEARCH/REPLACE blocks in order, each to the text the previous ones left: a block's SEARCH lines must match
/// exactly one place (exactly, else ignoring leading and trailing whitespace, with the replacement re-indented); with
/// <see cref="EditScope.PinOnly"/> an ambiguous SEARCH counts only its matches inside the pinned method when there are any.
/// A SEARCH that matches nowhere is answered with the closest lines of the file.
/// </summary>
internal static class SearchReplaceApplier
{
    /// <summary>Puts the changed texts in <paramref name="edited"/> (path → text), or returns why a block cannot apply.</summary>
    public static EditRejected? Apply(
        IReadOnlyDictionary<string, string> sources,
        PinTarget pin,
        MethodDeclarationSyntax pinMethod,
        SearchReplaceEdit edit,
        EditOptions options,
        Dictionary<string, string> edited)
    {
        var buffers = new Dictionary<string, LineBuffer>(StringComparer.Ordinal);
        for (var i = 0; i < edit.Blocks.Length; i++)
        {
            var block = edit.Blocks[i];
            var label = edit.Blocks.Length > 1 ? $"SEARCH block {i + 1}" : "The SEARCH block";
            var path = SourcePathResolver.Resolve(sources, block.FilePath, pin.FilePath, label, out var unknown);
            if (path is null)
            {
                return unknown;
            }
            if (!buffers.TryGetValue(path, out var buffer))
            {
                buffer = new LineBuffer(sources[path]);
                buffers[path] = buffer;
            }
            var search = block.SearchLines;
            var replace = block.ReplaceLines;
            if (search.All(string.IsNullOrWhiteSpace))
            {
                return new EditRejected(CandidateFailureKind.EmptySearch,
                    $"{label} (for {path}) has no lines to find; copy the exact current lines to replace into its SEARCH part. New files cannot be created.");
            }
            var matched = search;
            var matches = SearchMatcher.Exact(buffer.Lines, search);
            if (matches.Count == 0)
            {
                matched = SearchMatcher.WithoutBlankEdges(search);
                matches = SearchMatcher.Trimmed(buffer.Lines, matched);
            }
            if (matches.Count > 1 && options.Scope == EditScope.PinOnly && path == pin.FilePath)
            {
                var inside = InsidePin(buffer, pinMethod, matched.Count, matches, path, options);
                if (inside.Count > 0)
                {
                    matches = inside;
                }
            }
            if (matches.Count == 0)
            {
                return NotFound(label, path, buffer, search);
            }
            if (matches.Count > 1)
            {
                return new EditRejected(CandidateFailureKind.SearchAmbiguous,
                    $"{label} matches {matches.Count} places in {path} (starting at lines {string.Join(", ", matches.Select(m => m + 1))}); "
                    + "add surrounding lines to its SEARCH part so that it matches exactly one.");
            }
            var start = matches[0];
            var lines = ReferenceEquals(matched, search) ? replace : SearchMatcher.Reindent(buffer.Lines.Skip(start).Take(matched.Count).ToList(), matched, replace);
            buffer.Replace(start, matched.Count, lines);
        }
        foreach (var (path, buffer) in buffers)
        {
            var text = buffer.ToString();
            if (!string.Equals(text, sources[path], StringComparison.Ordinal))
            {
                edited[path] = text;
            }
        }
        return null;
    }

    /// <summary>The matches that lie wholly inside the pinned method as the buffer now has it (none when it cannot be found once).</summary>
    private static List<int> InsidePin(LineBuffer buffer, MethodDeclarationSyntax pinMethod, int count, List<int> matches, string path, EditOptions options)
    {
        var root = SourceParser.Parse(buffer.ToString(), path, options);
        var query = PinMethodLocator.Qualname(pinMethod);
        var found = PinLocator.Find(root, query, null);
        if (found.Count != 1)
        {
            return [];
        }
        var lines = found[0].SyntaxTree.GetLineSpan(found[0].FullSpan);
        return matches.Where(m => m >= lines.StartLinePosition.Line && m + count - 1 <= lines.EndLinePosition.Line).ToList();
    }

    private static EditRejected NotFound(string label, string path, LineBuffer buffer, IReadOnlyList<string> search)
    {
        var wanted = SearchMatcher.WithoutBlankEdges(search);
        var (start, count) = SearchMatcher.Closest(buffer.Lines, wanted);
        var message = new StringBuilder();
        message.Append(label).Append(" does not match any lines of ").Append(path).Append(", exactly or ignoring indentation.");
        if (count > 0)
        {
            message.Append(" The closest lines (").Append(start + 1).Append('-').Append(start + count).Append(") are:\n```\n");
            foreach (var line in buffer.Lines.Skip(start).Take(count))
            {
                message.Append(line).Append('\n');
            }
            message.Append("```\n");
        }
        message.Append(" Copy the SEARCH lines exactly from the current source.");
        return new EditRejected(CandidateFailureKind.SearchNotFound, message.ToString());
    }
}
