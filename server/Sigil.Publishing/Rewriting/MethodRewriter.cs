using Microsoft.CodeAnalysis.CSharp;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Parsing;
using Sigil.Core.Identity;

namespace Sigil.Publishing.Rewriting;

/// <summary>
/// Rewrites pinned methods in a file's text to their approved candidates with the same Roslyn splice that built the
/// candidates (<see cref="EditApplier"/> with a whole-method edit, scope limited to the pin): the pin is found by its
/// qualname and parameter types; only its declaration changes (its doc comment, attribute lists, indentation and
/// trailing trivia stay; new lines use the file's line ending); every other byte of the file is kept. Refuses with a
/// <see cref="PublishRefusedException"/> when the pin is missing or ambiguous, or the approved method does not apply.
/// </summary>
public static class MethodRewriter
{
    /// <summary>The file with every pin of <paramref name="pins"/> rewritten, one after the other.</summary>
    /// <exception cref="PublishRefusedException">A pin is missing, named twice, or its candidate does not apply.</exception>
    public static string RewriteAll(string fileText, IEnumerable<PinRewrite> pins, CSharpParseOptions? parseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = fileText;
        foreach (var pin in pins)
        {
            if (!seen.Add(string.Concat(pin.QualifiedName.Where(c => !char.IsWhiteSpace(c)))))
            {
                throw new PublishRefusedException(RefusalReasons.DuplicatePin,
                    $"The method {pin.QualifiedName} in '{pin.FilePath}' is to be rewritten twice; publish one candidate per pinned method.");
            }
            text = Rewrite(text, pin, parseOptions);
        }
        return text;
    }

    /// <summary>The file with the pin rewritten to its approved method (the same text when it already is that method).</summary>
    /// <exception cref="ArgumentException">The qualname has no parameter list.</exception>
    /// <exception cref="PublishRefusedException">The pin is missing or ambiguous, or its candidate does not apply.</exception>
    public static string Rewrite(string fileText, PinRewrite pin, CSharpParseOptions? parseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        ArgumentNullException.ThrowIfNull(pin);
        if (!pin.QualifiedName.Contains('(', StringComparison.Ordinal) || !pin.QualifiedName.EndsWith(')'))
        {
            throw new ArgumentException(
                $"The qualified name '{pin.QualifiedName}' has no parameter list; give it as in the FunctionID, e.g. Kernels.Root(double).", nameof(pin));
        }
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [pin.FilePath] = fileText };
        var options = new EditOptions { ParseOptions = parseOptions ?? EditParser.DefaultParseOptions };
        EditApplyResult result;
        try
        {
            result = EditApplier.Apply(sources, new PinTarget(pin.FilePath, pin.QualifiedName), new MethodReplacementEdit(pin.ApprovedMethod), options);
        }
        catch (ArgumentException e)
        {
            var detail = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new PublishRefusedException(RefusalReasons.PinNotFound,
                $"Cannot publish {pin.CandidateId}: {detail} The source changed since the candidate was approved; "
                + "make a new candidate for the current code, or restore the method.", e);
        }
        if (result is EditRejected rejected)
        {
            throw DoesNotApply(pin, rejected.Message);
        }
        var applied = (AppliedEdit)result;
        CheckBaseline(pin, applied);
        return applied.Files.SingleOrDefault(f => f.Path == pin.FilePath)?.After ?? fileText;
    }

    private static void CheckBaseline(PinRewrite pin, AppliedEdit applied)
    {
        if (pin.BaselineMethod is null)
        {
            return;
        }
        var change = applied.Changes.FirstOrDefault(c => c.Target == applied.PinPatchTarget && c.Part == ChangedPart.Member);
        if (change is null)
        {
            return; // the method already is the approved one
        }
        string baseline;
        try
        {
            baseline = AbiNormalizer.NormalizeMethodSource(pin.BaselineMethod);
        }
        catch (ArgumentException)
        {
            throw DoesNotApply(pin, "The baseline method given with it does not parse as one method declaration.");
        }
        if (!string.Equals(baseline, change.NormalizedBefore, StringComparison.Ordinal))
        {
            throw DoesNotApply(pin, "The method's code has changed since the candidate was made from it, and publishing would overwrite those changes.");
        }
    }

    private static PublishRefusedException DoesNotApply(PinRewrite pin, string detail) => new(
        RefusalReasons.CandidateDoesNotApply,
        $"Candidate {pin.CandidateId} no longer applies to {pin.QualifiedName} in '{pin.FilePath}': {detail} "
        + "Nothing was changed; make a new candidate for the current code, or restore the method as it was.");
}
