using System.Text;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Parsing;
using Sigil.Core.Diff;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;

namespace Sigil.Candidates.Building;

/// <summary>
/// Turns an applied edit into a <see cref="Candidate"/>: the unified diff (one section per changed file, sorted by
/// path), the canonical AST patch (one entry per changed syntax unit; the pin's entry is its qualname with
/// <see cref="AbiNormalizer.NormalizeMethod"/> before and after), the <see cref="CandidateId"/> and the normalized key.
/// An edit whose token streams are unchanged (nothing, or only whitespace and comments) is
/// <see cref="CandidateFailureKind.NoChange"/>.
/// </summary>
public static class CandidateBuilder
{
    /// <summary>Builds the candidate of an applied edit.</summary>
    public static CandidateResult Build(AppliedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (edit.Changes.IsEmpty)
        {
            var what = edit.Files.IsEmpty ? "changes nothing" : "changes only whitespace or comments";
            return new CandidateRejected(CandidateFailureKind.NoChange,
                $"The edit {what}; the code of {edit.PinPatchTarget} is the same as before. Propose a change to its code.");
        }
        var diff = new StringBuilder();
        foreach (var file in edit.Files)
        {
            diff.Append(UnifiedDiff.Create(file.Before, file.After, file.Path));
        }
        var patch = new AstPatch();
        foreach (var change in edit.Changes)
        {
            patch.Replace(change.Target, change.NormalizedBefore, change.NormalizedAfter);
        }
        var canonical = patch.ToCanonicalString();
        var text = diff.ToString();
        return new Candidate(CandidateId.Compute(text, canonical), text, canonical, ComputeNormalizedKey(canonical), edit.Files, edit.Changes);
    }

    /// <summary>
    /// Parses <paramref name="answer"/>, applies its edit to <paramref name="sources"/> for <paramref name="pin"/> and builds
    /// the candidate; any failure on the way is a <see cref="CandidateRejected"/> with its kind and message.
    /// </summary>
    /// <exception cref="ArgumentException">The pin is not found in its file (a caller error, not the answer's).</exception>
    public static CandidateResult Build(IReadOnlyDictionary<string, string> sources, PinTarget pin, string? answer, EditOptions? options = null)
    {
        options ??= EditOptions.Default;
        var parsed = EditParser.Parse(answer, options.ParseOptions);
        if (parsed is not ProposedEdit edit)
        {
            return CandidateRejected.From(parsed.Failure!);
        }
        return EditApplier.Apply(sources, pin, edit, options) switch
        {
            AppliedEdit applied => Build(applied),
            var rejected => CandidateRejected.From(rejected.Failure!),
        };
    }

    /// <summary>
    /// The normalized key of a canonical AST patch: BLAKE3, lowercase hex. Recomputable from a stored candidate's AST
    /// patch (to seed a <see cref="Deduplication.CandidateDeduplicator"/> when a run resumes).
    /// </summary>
    public static string ComputeNormalizedKey(string canonicalAstPatch)
    {
        ArgumentNullException.ThrowIfNull(canonicalAstPatch);
        return Blake3Digest.Hex(canonicalAstPatch);
    }
}
