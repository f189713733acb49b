using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Sigil.Candidates.Parsing;

namespace Sigil.Optimizers.Generators.Rules;

/// <summary>Parsing, normalizing and editing the text of one method declaration.</summary>
public static class MethodText
{
    /// <summary>The method when <paramref name="source"/> parses, with no diagnostics, as exactly one method declaration.</summary>
    public static MethodDeclarationSyntax? Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var member = SyntaxFactory.ParseMemberDeclaration(source, 0, EditParser.DefaultParseOptions, consumeFullText: true);
        return member is MethodDeclarationSyntax method && !method.ContainsDiagnostics ? method : null;
    }

    /// <summary>
    /// The method's text from its modifiers to its end (no doc comment, no attributes: a whole-method answer keeps the
    /// file's), with LF line endings and the declaration's own indentation removed from every line, so it starts at
    /// column 0. Lines inside multi-line string literals are left alone.
    /// </summary>
    public static string Normalize(MethodDeclarationSyntax method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var text = method.SyntaxTree.GetText().ToString();
        var start = method.AttributeLists.Count == 0 ? method.SpanStart : method.AttributeLists[^1].GetLastToken().GetNextToken().SpanStart;
        var end = method.Span.End;
        var baseIndent = BaseIndentation(text, method);
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
                builder.Append('\n');
                var token = method.FindToken(position);
                if (token.Span.Start < position && position < token.Span.End)
                {
                    builder.Append(line);
                }
                else if (!string.IsNullOrWhiteSpace(line))
                {
                    var own = line.Length - line.TrimStart(' ', '\t').Length;
                    builder.Append(line[Math.Min(own, baseIndent.Length)..].TrimEnd());
                }
            }
            else
            {
                builder.Append(line.TrimEnd());
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

    /// <summary><paramref name="text"/> with the replacements made (spans must not overlap; they refer to the original text).</summary>
    public static string ApplyEdits(string text, IEnumerable<(TextSpan Span, string NewText)> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        return SourceText.From(text).WithChanges(edits.Select(e => new TextChange(e.Span, e.NewText))).ToString();
    }

    /// <summary>The spaces and tabs that start the line holding <paramref name="position"/>.</summary>
    public static string LineIndentation(string text, int position)
    {
        var lineStart = LineStart(text, position);
        var end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }
        return text[lineStart..end];
    }

    /// <summary>The position where the line holding <paramref name="position"/> starts.</summary>
    public static int LineStart(string text, int position) => position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;

    /// <summary>True when only spaces and tabs precede <paramref name="position"/> on its line.</summary>
    public static bool StartsLine(string text, int position) => LineIndentation(text, position).Length == position - LineStart(text, position);

    /// <summary>The method body's indentation step (the first statement's indentation beyond the method's), four spaces by default.</summary>
    public static string IndentUnit(MethodDeclarationSyntax method)
    {
        var text = method.SyntaxTree.GetText().ToString();
        if (method.Body is { Statements.Count: > 0 } body)
        {
            var outer = LineIndentation(text, body.OpenBraceToken.SpanStart);
            var inner = LineIndentation(text, body.Statements[0].SpanStart);
            if (inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal) && StartsLine(text, body.Statements[0].SpanStart))
            {
                return inner[outer.Length..];
            }
        }
        return "    ";
    }

    /// <summary>Every identifier spelled in <paramref name="node"/> (locals, parameters, members, types): names a new local must avoid.</summary>
    public static HashSet<string> Identifiers(SyntaxNode node) =>
        node.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);

    /// <summary><paramref name="wanted"/>, or <c>wanted2</c>, <c>wanted3</c>… — the first not in <paramref name="taken"/>; it is added to it.</summary>
    public static string UniqueName(ISet<string> taken, string wanted)
    {
        var name = wanted;
        for (var i = 2; taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; i++)
        {
            name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        taken.Add(name);
        return name;
    }

    /// <summary>A whole-method answer: one line saying what the rule did, then the method in a fenced csharp block.</summary>
    public static string Answer(string operatorName, string summary, string methodSource) =>
        $"Rule `{operatorName}`: {summary}\n\n```csharp\n{methodSource.TrimEnd('\n')}\n```\n";

    private static string BaseIndentation(string text, MethodDeclarationSyntax method)
    {
        var closing = method.Body?.CloseBraceToken;
        if (closing is { } brace && !brace.IsMissing && StartsLine(text, brace.SpanStart))
        {
            return LineIndentation(text, brace.SpanStart);
        }
        var start = method.AttributeLists.Count == 0 ? method.SpanStart : method.AttributeLists[^1].GetLastToken().GetNextToken().SpanStart;
        return StartsLine(text, start) ? LineIndentation(text, start) : string.Empty;
    }
}
