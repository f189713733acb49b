using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Parsing;

/// <summary>
/// Extracts an edit from a generator's free text: Aider-style SEARCH/REPLACE blocks (each optionally preceded by a
/// line naming a file), or else a whole replacement method in a fenced <c>csharp</c> / <c>cs</c> / <c>c#</c> block.
/// Tolerates CRLF, prose around the edit and several blocks. Never throws: anything unusable is a
/// <see cref="NoUsableEdit"/> with a reason.
/// </summary>
/// <remarks>
/// When the text has any SEARCH or REPLACE marker it is read as SEARCH/REPLACE blocks (code fences around them are
/// ignored); otherwise as fenced code. An unlabeled fence counts as C#; a fence labeled with another language does not.
/// </remarks>
public static partial class EditParser
{
    private static readonly string[] CSharpLabels = ["csharp", "cs", "c#", "c-sharp", "c_sharp", ""];

    /// <summary>Parses an answer. <paramref name="parseOptions"/> defaults to C# preview (the most permissive).</summary>
    public static EditParseResult Parse(string? answer, CSharpParseOptions? parseOptions = null)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return new NoUsableEdit(CandidateFailureKind.Empty, "The answer is empty. Answer with SEARCH/REPLACE blocks or one whole method in a ```csharp block.");
        }
        var lines = TextLines.NormalizeNewlines(answer).Split('\n');
        if (lines.Any(line => SearchMarker().IsMatch(line) || ReplaceMarker().IsMatch(line)))
        {
            return ParseBlocks(lines);
        }
        return ParseFences(lines, parseOptions ?? DefaultParseOptions);
    }

    /// <summary>The parse options used when none are given: latest preview language, no preprocessor symbols.</summary>
    public static CSharpParseOptions DefaultParseOptions { get; } = new(LanguageVersion.Preview);

    private static EditParseResult ParseBlocks(string[] lines)
    {
        var blocks = ImmutableArray.CreateBuilder<SearchReplaceBlock>();
        var search = new List<string>();
        var replace = new List<string>();
        string? path = null;
        var state = BlockState.Outside;
        var openedAt = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var isSearch = SearchMarker().IsMatch(line);
            var isDivider = DividerMarker().IsMatch(line);
            var isReplace = ReplaceMarker().IsMatch(line);
            switch (state)
            {
                case BlockState.Outside when isSearch:
                    path = PathBefore(lines, i);
                    search.Clear();
                    replace.Clear();
                    openedAt = i;
                    state = BlockState.InSearch;
                    break;
                case BlockState.Outside when isReplace:
                    return Malformed($"Line {i + 1} has '>>>>>>> REPLACE' without a '<<<<<<< SEARCH' and '=======' before it.");
                case BlockState.Outside:
                    break;
                case BlockState.InSearch when isDivider:
                    state = BlockState.InReplace;
                    break;
                case BlockState.InSearch when isSearch || isReplace:
                    return Malformed($"The block opened on line {openedAt + 1} has no '=======' line between its SEARCH and REPLACE parts (line {i + 1}).");
                case BlockState.InSearch:
                    search.Add(line);
                    break;
                case BlockState.InReplace when isReplace:
                    blocks.Add(new SearchReplaceBlock(path, TextLines.Join(search), TextLines.Join(replace)));
                    state = BlockState.Outside;
                    break;
                case BlockState.InReplace when isSearch:
                    return Malformed($"The block opened on line {openedAt + 1} is not closed with '>>>>>>> REPLACE' before the next '<<<<<<< SEARCH' on line {i + 1}.");
                case BlockState.InReplace when isDivider:
                    return Malformed($"The block opened on line {openedAt + 1} has a second '=======' line (line {i + 1}); each block has exactly one.");
                case BlockState.InReplace:
                    replace.Add(line);
                    break;
            }
        }
        if (state != BlockState.Outside)
        {
            return Malformed($"The block opened on line {openedAt + 1} is never closed with '>>>>>>> REPLACE'.");
        }
        return new SearchReplaceEdit(blocks.ToImmutable());
    }

    private static NoUsableEdit Malformed(string detail) => new(
        CandidateFailureKind.MalformedBlock,
        detail + " Each block is '<<<<<<< SEARCH', the exact current lines, '=======', the new lines, '>>>>>>> REPLACE'.");

    /// <summary>The file path on the nearest non-blank line before a SEARCH marker (skipping code-fence lines), if it looks like one.</summary>
    private static string? PathBefore(string[] lines, int searchLine)
    {
        for (var i = searchLine - 1; i >= 0; i--)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                continue;
            }
            if (ReplaceMarker().IsMatch(line))
            {
                return null;
            }
            var candidate = line.TrimStart('#', ' ');
            foreach (var prefix in new[] { "File:", "file:", "Path:", "path:", "Filename:", "filename:" })
            {
                if (candidate.StartsWith(prefix, StringComparison.Ordinal))
                {
                    candidate = candidate[prefix.Length..].Trim();
                }
            }
            candidate = candidate.Trim('*', '`', '"', '\'', ' ').TrimEnd(':').Trim('*', '`', '"', '\'', ' ');
            return PathLike().IsMatch(candidate) ? candidate : null;
        }
        return null;
    }

    private static EditParseResult ParseFences(string[] lines, CSharpParseOptions parseOptions)
    {
        var fences = new List<(string Label, string Text, int Line)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = FenceOpen().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }
            var fence = open.Groups["fence"].Value;
            var label = open.Groups["label"].Value.Trim().Split(' ', '\t', '{', '}')[0].ToLowerInvariant();
            var body = new StringBuilder();
            var closed = false;
            var start = i;
            for (i++; i < lines.Length; i++)
            {
                var trimmed = lines[i].Trim();
                if (trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]))
                {
                    closed = true;
                    break;
                }
                body.Append(lines[i]).Append('\n');
            }
            if (!closed)
            {
                return new NoUsableEdit(CandidateFailureKind.MalformedBlock,
                    $"The code block opened on line {start + 1} is never closed with {fence}. Answer with one complete ```csharp block holding the whole method.");
            }
            fences.Add((label, body.ToString(), start + 1));
        }
        if (fences.Count == 0)
        {
            return new NoUsableEdit(CandidateFailureKind.NoEditFound,
                "The answer has no SEARCH/REPLACE block and no ```csharp code block. Answer with SEARCH/REPLACE blocks or one whole method in a ```csharp block.");
        }
        var csharp = fences.Where(f => CSharpLabels.Contains(f.Label)).ToList();
        if (csharp.Count == 0)
        {
            var labels = string.Join(", ", fences.Select(f => f.Label).Distinct());
            return new NoUsableEdit(CandidateFailureKind.NotCSharp,
                $"The answer's code blocks are labeled {labels}, not C#. Answer with the whole method in one ```csharp block.");
        }
        var methods = csharp.Where(f => ParseOneMethod(f.Text, parseOptions) is not null).ToList();
        if (methods.Count == 1)
        {
            return new MethodReplacementEdit(methods[0].Text);
        }
        if (methods.Count > 1)
        {
            return new NoUsableEdit(CandidateFailureKind.NotOneMethod,
                $"The answer has {methods.Count} C# code blocks that each hold a method (lines {string.Join(", ", methods.Select(m => m.Line))}); answer with exactly one.");
        }
        var described = csharp.Count == 1
            ? $"The C# code block {Describe(csharp[0].Text, parseOptions)}"
            : $"None of the {csharp.Count} C# code blocks is one method declaration";
        return new NoUsableEdit(CandidateFailureKind.NotOneMethod,
            $"{described}. Answer with exactly one whole method declaration (its signature unchanged) in one ```csharp block, or with SEARCH/REPLACE blocks.");
    }

    /// <summary>The method when <paramref name="text"/> parses, with no diagnostics, as exactly one method declaration.</summary>
    internal static MethodDeclarationSyntax? ParseOneMethod(string text, CSharpParseOptions parseOptions)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var member = SyntaxFactory.ParseMemberDeclaration(text, 0, parseOptions, consumeFullText: true);
        return member is MethodDeclarationSyntax method && !method.ContainsDiagnostics ? method : null;
    }

    private static string Describe(string text, CSharpParseOptions parseOptions)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "is empty";
        }
        var wrapped = SyntaxFactory.ParseCompilationUnit("class __SigilWrapper__ {\n" + text + "\n}", 0, parseOptions);
        var wrapper = wrapped.Members.OfType<ClassDeclarationSyntax>().FirstOrDefault();
        if (!wrapped.ContainsDiagnostics && wrapped.Members.Count == 1 && wrapper is not null)
        {
            var kinds = wrapper.Members.Select(DescribeMember).ToList();
            return kinds.Count switch
            {
                0 => "declares no member",
                1 => $"declares a {kinds[0]}, not a method",
                _ => $"declares {kinds.Count} members ({string.Join(", ", kinds)}), not one method",
            };
        }
        var unit = SyntaxFactory.ParseCompilationUnit(text, 0, parseOptions);
        if (!unit.ContainsDiagnostics)
        {
            if (unit.Members.Any(m => m is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax))
            {
                return "declares a type or namespace, not one method";
            }
            if (unit.Members.Any(m => m is GlobalStatementSyntax))
            {
                return "holds statements, not a method declaration";
            }
        }
        var errors = unit.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)
            .Select(d => $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        return $"does not parse as a method declaration ({string.Join("; ", errors)})";
    }

    private static string DescribeMember(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax method => $"method {method.Identifier.ValueText}",
        BaseTypeDeclarationSyntax type => $"type {type.Identifier.ValueText}",
        PropertyDeclarationSyntax property => $"property {property.Identifier.ValueText}",
        FieldDeclarationSyntax field => $"field {string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.ValueText))}",
        ConstructorDeclarationSyntax => "constructor",
        _ => member.Kind().ToString(),
    };

    private enum BlockState
    {
        Outside,
        InSearch,
        InReplace,
    }

    [GeneratedRegex(@"^\s*<{5,9} ?SEARCH\s*$")]
    private static partial Regex SearchMarker();

    [GeneratedRegex(@"^\s*={5,9}\s*$")]
    private static partial Regex DividerMarker();

    [GeneratedRegex(@"^\s*>{5,9} ?REPLACE\s*$")]
    private static partial Regex ReplaceMarker();

    [GeneratedRegex(@"^\s*(?<fence>`{3,}|~{3,})(?<label>[^`]*)$")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-/\\]*[A-Za-z0-9_\-]\.[A-Za-z0-9]+$")]
    private static partial Regex PathLike();
}
