using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Puts a replacement method in place of the original in the file's text: the original's leading trivia (doc
/// comment, indentation) and attribute lists stay; attribute lists the replacement adds (other than <c>[Improve]</c>)
/// are inserted after them; the replacement's lines are re-indented to the original's indentation (lines inside
/// multi-line string literals are left alone); the original's trailing trivia stays; new lines use the file's line ending.
/// </summary>
internal static class MethodSplicer
{
    public static string Splice(string fileText, MethodDeclarationSyntax original, MethodDeclarationSyntax replacement, string replacementText)
    {
        var newline = new LineBuffer(fileText).Newline;
        var originalStart = FirstNonAttributeToken(original).SpanStart;
        var indent = LineIndentation(fileText, originalStart);

        var replacementStart = FirstNonAttributeToken(replacement).SpanStart;
        var baseIndent = LineIndentation(replacementText, replacementStart);
        var core = Reindent(replacementText, replacement, replacementStart, replacement.Span.End, baseIndent, indent, newline);

        var kept = original.AttributeLists.Select(SyntaxUnits.Normalize).ToHashSet(StringComparer.Ordinal);
        var builder = new StringBuilder(fileText.Length + core.Length);
        builder.Append(fileText, 0, originalStart);
        foreach (var list in replacement.AttributeLists)
        {
            if (list.Attributes.Any(MethodSignatures.IsImprove) || !kept.Add(SyntaxUnits.Normalize(list)))
            {
                continue;
            }
            builder.Append(list.ToString().Replace("\n", newline, StringComparison.Ordinal)).Append(newline).Append(indent);
        }
        builder.Append(core);
        builder.Append(fileText, original.Span.End, fileText.Length - original.Span.End);
        return builder.ToString();
    }

    private static SyntaxToken FirstNonAttributeToken(MethodDeclarationSyntax method) =>
        method.AttributeLists.Count == 0 ? method.GetFirstToken() : method.AttributeLists[^1].GetLastToken().GetNextToken();

    /// <summary>The spaces and tabs that start the line holding <paramref name="position"/>.</summary>
    private static string LineIndentation(string text, int position)
    {
        var lineStart = position == 0 ? 0 : text.LastIndexOfAny(['\n', '\r'], position - 1) + 1;
        var end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }
        return text[lineStart..end];
    }

    private static string Reindent(string text, MethodDeclarationSyntax node, int start, int end, string from, string to, string newline)
    {
        var builder = new StringBuilder();
        var position = start;
        var first = true;
        while (position <= end)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0 || lineEnd > end)
            {
                lineEnd = end;
            }
            var line = text[position..lineEnd].TrimEnd('\r');
            if (!first)
            {
                builder.Append(newline);
                var token = node.FindToken(position);
                if (token.Span.Start < position && position < token.Span.End)
                {
                    builder.Append(line);
                }
                else if (!string.IsNullOrWhiteSpace(line))
                {
                    builder.Append(to).Append(Dedent(line, from));
                }
            }
            else
            {
                builder.Append(line);
            }
            first = false;
            if (lineEnd == end)
            {
                break;
            }
            position = lineEnd + 1;
        }
        return builder.ToString();
    }

    private static string Dedent(string line, string indentation)
    {
        if (line.StartsWith(indentation, StringComparison.Ordinal))
        {
            return line[indentation.Length..];
        }
        var own = line.Length - line.TrimStart(' ', '\t').Length;
        return line[Math.Min(own, indentation.Length)..];
    }
}
