using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Checks the texts an edit produced, in order: they parse (<see cref="ParseValidation"/>), the pin keeps its signature
/// and <c>[Improve]</c> attribute (<see cref="PinProtection"/>), and nothing outside the scope changed
/// (<see cref="ScopeChecker"/>); then reports the files and members that changed.
/// </summary>
internal static class EditChecker
{
    public static EditApplyResult Check(
        IReadOnlyDictionary<string, string> sources,
        PinTarget pin,
        CompilationUnitSyntax pinRoot,
        MethodDeclarationSyntax pinMethod,
        Dictionary<string, string> edited,
        EditOptions options)
    {
        var files = edited.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new FileChange(e.Key, sources[e.Key], e.Value))
            .ToImmutableArray();
        if (ParseValidation.Check(files, pin, pinRoot, options, out var parsed) is { } unparsable)
        {
            return unparsable;
        }

        var pinUnits = SyntaxUnits.Of(pinRoot, pin.FilePath);
        var pinUnit = pinUnits.First(u => u.Part == ChangedPart.Member && ReferenceEquals(u.Node, pinMethod));
        var pinTarget = pin.QualifiedName ?? pinUnit.Key;
        var pinType = pinUnit.EnclosingTypes[^1];
        var changes = new List<UnitChange>();
        SyntaxUnit? pinAfter = null;
        foreach (var (file, before, after) in parsed)
        {
            var beforeUnits = file.Path == pin.FilePath ? pinUnits : SyntaxUnits.Of(before, file.Path);
            var afterUnits = SyntaxUnits.Of(after, file.Path);
            if (file.Path == pin.FilePath)
            {
                pinAfter = afterUnits.FirstOrDefault(u => u.Part == ChangedPart.Member && u.Key == pinUnit.Key);
            }
            changes.AddRange(UnitChanges.Compare(beforeUnits, afterUnits, file.Path));
        }

        if (edited.ContainsKey(pin.FilePath) && PinProtection.Check(pinMethod, pinAfter, pinTarget) is { } unprotected)
        {
            return unprotected;
        }
        if (ScopeChecker.Check(options.Scope, files, changes, pin.FilePath, pinUnit.Key, pinType, pinTarget, pinMethod, pinAfter) is { } outOfScope)
        {
            return outOfScope;
        }
        return new AppliedEdit(pin, pinTarget, files, UnitChanges.ToMemberChanges(changes, pin.FilePath, pinUnit.Key, pinTarget));
    }
}
