using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Syntax;

namespace Sigil.Candidates.Applying;

/// <summary>The pinned method must survive an edit with the same signature and the same <c>[Improve]</c> attribute.</summary>
internal static class PinProtection
{
    /// <summary>Why the edited pin is not acceptable, or null; <paramref name="edited"/> is the pin's unit after the edit, if any.</summary>
    public static EditRejected? Check(MethodDeclarationSyntax pinMethod, SyntaxUnit? edited, string pinTarget)
    {
        var signature = MethodSignatures.Describe(pinMethod);
        if (edited?.Node is not MethodDeclarationSyntax newPin)
        {
            return SignatureChanged(signature, null);
        }
        var newSignature = MethodSignatures.Describe(newPin);
        if (newSignature != signature)
        {
            return SignatureChanged(signature, newSignature);
        }
        if (MethodSignatures.ImproveAttributes(pinMethod) != MethodSignatures.ImproveAttributes(newPin))
        {
            return new EditRejected(CandidateFailureKind.PinAttributeChanged,
                $"The edit changes or removes the [Improve] attribute of {pinTarget}; leave it exactly as it is (it is configuration, not code).");
        }
        return null;
    }

    /// <summary>The pin's signature went from <paramref name="before"/> to <paramref name="after"/> (null: the pin is gone).</summary>
    public static EditRejected SignatureChanged(string before, string? after) => new(
        CandidateFailureKind.SignatureChanged,
        (after is null
            ? $"The edit removes or renames the pinned method `{before}`."
            : $"The edit changes the pinned method's signature from `{before}` to `{after}`.")
        + " Keep its name, parameter types and modifiers, return type and accessibility exactly: callers and its identity depend on them.");
}
