using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Rejects changes outside what <see cref="EditScope"/> allows: with <see cref="EditScope.PinOnly"/> only the pin (and
/// its attributes) may change, not even comments around it; with <see cref="EditScope.ContainingType"/> the pin's type
/// and its file's using directives; other files only with <see cref="EditScope.Project"/>.
/// </summary>
internal static class ScopeChecker
{
    /// <summary>
    /// Why the edit reaches outside <paramref name="scope"/>, or null; <paramref name="pinAfter"/> is the pin's unit
    /// after the edit, if the pin's file changed and the pin is still there.
    /// </summary>
    public static EditRejected? Check(
        EditScope scope,
        ImmutableArray<FileChange> files,
        IReadOnlyList<UnitChange> changes,
        string pinPath,
        string pinKey,
        string pinType,
        string pinTarget,
        MethodDeclarationSyntax pinMethod,
        SyntaxUnit? pinAfter)
    {
        if (changes.Count == 0 || scope == EditScope.Project)
        {
            return null;
        }
        var outside = new List<string>();
        outside.AddRange(files.Where(f => f.Path != pinPath).Select(f => $"the file {f.Path}"));
        outside.AddRange(changes.Where(c => c.Path == pinPath && !InScope(c.Unit, pinKey, pinType, scope)).Select(c => c.Unit.Key));
        if (outside.Count > 0)
        {
            return OutOfScope(outside, pinTarget, scope, pinType);
        }
        if (scope == EditScope.PinOnly && pinAfter is not null)
        {
            var pinFile = files.First(f => f.Path == pinPath);
            if (!SameOutside(pinFile.Before, pinMethod, pinFile.After, (MethodDeclarationSyntax)pinAfter.Node))
            {
                return OutOfScope(["comments outside it"], pinTarget, scope, pinType);
            }
        }
        return null;
    }

    private static bool InScope(SyntaxUnit unit, string pinKey, string pinType, EditScope scope) => scope switch
    {
        EditScope.PinOnly => unit.Key == pinKey || unit.Key == pinKey + SyntaxUnits.AttributesSuffix,
        EditScope.ContainingType => unit.Key == pinType || unit.EnclosingTypes.Contains(pinType) || unit.Part == ChangedPart.Usings,
        _ => true,
    };

    /// <summary>True when the text before and after the pin's declaration differs at most in whitespace.</summary>
    private static bool SameOutside(string pinText, MethodDeclarationSyntax before, string newText, MethodDeclarationSyntax after) =>
        WithoutWhitespace(pinText.AsSpan(0, before.FullSpan.Start)) == WithoutWhitespace(newText.AsSpan(0, after.FullSpan.Start))
        && WithoutWhitespace(pinText.AsSpan(before.FullSpan.End)) == WithoutWhitespace(newText.AsSpan(after.FullSpan.End));

    private static string WithoutWhitespace(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static EditRejected OutOfScope(IReadOnlyList<string> outside, string pinTarget, EditScope scope, string pinType)
    {
        var listed = string.Join(", ", outside.Take(EditApplier.MaxListed)) + (outside.Count > EditApplier.MaxListed ? ", ..." : "");
        var allowed = scope == EditScope.PinOnly
            ? $"only the pinned method {pinTarget} may change; keep the whole edit inside it."
            : $"only the members of {pinType.Replace(SyntaxUnits.TypeSuffix, string.Empty, StringComparison.Ordinal)} and the using directives of its file may change.";
        return new EditRejected(CandidateFailureKind.OutOfScope, $"The edit changes {listed}; {allowed}");
    }
}
