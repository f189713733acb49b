using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Parses every changed file before and after the edit and rejects the edit if it adds syntax errors (errors the parent
/// already had do not count, however often they occur).
/// </summary>
internal static class ParseValidation
{
    private const int MaxDiagnostics = 10;

    /// <summary>Why the edited files do not parse, or null with <paramref name="parsed"/> holding each file's syntax.</summary>
    public static EditRejected? Check(
        ImmutableArray<FileChange> files, PinTarget pin, CompilationUnitSyntax pinRoot, EditOptions options, out List<ParsedFile> parsed)
    {
        parsed = [];
        var errors = new List<string>();
        foreach (var file in files)
        {
            var before = file.Path == pin.FilePath ? pinRoot : SourceParser.Parse(file.Before, file.Path, options);
            var after = SourceParser.Parse(file.After, file.Path, options);
            errors.AddRange(NewErrors(before, after));
            parsed.Add(new ParsedFile(file, before, after));
        }
        if (errors.Count > 0)
        {
            var listed = string.Join("\n", errors.Take(MaxDiagnostics)) + (errors.Count > MaxDiagnostics ? $"\n... and {errors.Count - MaxDiagnostics} more" : "");
            return new EditRejected(CandidateFailureKind.ParseError, $"The edited source does not parse:\n{listed}\nFix the syntax.");
        }
        return null;
    }

    private static IEnumerable<string> NewErrors(CompilationUnitSyntax before, CompilationUnitSyntax after)
    {
        var existing = before.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + d.GetMessage(CultureInfo.InvariantCulture))
            .GroupBy(k => k)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var diagnostic in after.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            var key = diagnostic.Id + message;
            if (existing.TryGetValue(key, out var count) && count > 0)
            {
                existing[key] = count - 1;
                continue;
            }
            var line = diagnostic.Location.GetLineSpan();
            yield return $"{line.Path}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): error {diagnostic.Id}: {message}";
        }
    }
}
