using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Parsing;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>
/// Applies a whole-method answer: it must parse as exactly one method with the pin's signature; it is then spliced in
/// place of the pin by <see cref="MethodSplicer"/> (which keeps the original's trivia and attributes).
/// </summary>
internal static class MethodReplacer
{
    /// <summary>Puts the changed pin file in <paramref name="edited"/>, or returns why the method cannot replace the pin.</summary>
    public static EditRejected? Apply(
        string pinText,
        PinTarget pin,
        MethodDeclarationSyntax pinMethod,
        MethodReplacementEdit edit,
        EditOptions options,
        Dictionary<string, string> edited)
    {
        var source = TextLines.NormalizeNewlines(edit.MethodSource);
        var replacement = EditParser.ParseOneMethod(source, options.ParseOptions);
        if (replacement is null)
        {
            return new EditRejected(CandidateFailureKind.NotOneMethod,
                "The replacement does not parse as exactly one method declaration. Answer with the whole method, and nothing else, in one ```csharp block.");
        }
        var before = MethodSignatures.Describe(pinMethod);
        var after = MethodSignatures.Describe(replacement);
        if (before != after)
        {
            return PinProtection.SignatureChanged(before, after);
        }
        var text = MethodSplicer.Splice(pinText, pinMethod, replacement, source);
        if (!string.Equals(text, pinText, StringComparison.Ordinal))
        {
            edited[pin.FilePath] = text;
        }
        return null;
    }
}
