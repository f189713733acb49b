using Microsoft.CodeAnalysis.CSharp;
using Sigil.Candidates.Parsing;
using Sigil.Manifests.Model;
using Sigil.Publishing.Rewriting;
using Sigil.Trust.Errors;
using Sigil.Trust.Evidence;
using Sigil.Trust.Sources;
using Sigil.Workspace.Store;

namespace Sigil.Trust.Publication;

/// <summary>
/// Turns one manifest pin into a <see cref="PinRewrite"/>: loads the candidate, rebuilds its sources from the baseline
/// through its diff chain, takes the approved method from them and the baseline method from the baseline (so a method
/// edited since is refused by the rewriter), and makes sure the candidate changes nothing but that method, which is all
/// publishing carries.
/// </summary>
internal static class PinPlanner
{
    public static async Task<PinRewrite> PlanAsync(IWorkspaceStore store, ManifestPin pin, BaselineFiles baseline, CancellationToken ct)
    {
        var name = pin.FunctionId.QualifiedName;
        var record = store.GetCandidate(pin.Candidate) ?? throw new TrustException(TrustErrorCodes.CandidateNotFound,
            $"{name}: candidate {pin.Candidate} is not in {store.Location}; import the workspace the manifest was made from ('sigil workspace import').");
        var function = record.FunctionId;
        if (function.Package != pin.FunctionId.Package || function.Module != pin.FunctionId.Module || function.QualifiedName != name || function.AbiHash != pin.FunctionId.AbiHash)
        {
            throw new TrustException(TrustErrorCodes.CandidateNotFound,
                $"{name}: candidate {pin.Candidate} was made for {function}, not for the manifest's {pin.FunctionId}; the manifest does not match the workspace.");
        }
        var chain = CandidateChain.Of(store, record);
        var files = chain.ChangedFiles();
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var changed in files)
        {
            before[changed] = await baseline.ReadAsync(changed, ct).ConfigureAwait(false) ?? throw new TrustException(TrustErrorCodes.CandidateDoesNotApply,
                $"{name}: candidate {record.Id} changes {baseline.RepositoryPath(changed)}, which does not exist at {baseline.Name}. Publish from the commit the candidates were made on.");
        }
        var after = chain.Apply(before, baseline.Name);
        var pinFiles = files.Where(f => MethodFinder.FindText(after[f], name, f) is not null).ToList();
        if (pinFiles.Count != 1 || files.Count != 1)
        {
            throw new TrustException(TrustErrorCodes.UnsupportedCandidate, pinFiles.Count == 0
                ? $"{name}: candidate {record.Id} does not declare the pinned method in the files it changes ({string.Join(", ", files)}); it cannot be published as a method rewrite."
                : $"{name}: candidate {record.Id} changes {string.Join(", ", files.Select(baseline.RepositoryPath))}, not only the pin's file; publishing rewrites pinned methods only. Promote a candidate that changes just the method.");
        }
        var file = pinFiles[0];
        var approved = MethodFinder.FindText(after[file], name, file)!;
        var baselineMethod = MethodFinder.FindText(before[file], name, file) ?? throw new TrustException(TrustErrorCodes.CandidateDoesNotApply,
            $"{name} is not declared in {baseline.RepositoryPath(file)} at {baseline.Name}; publish from the commit the candidates were made on.");
        var rewrite = new PinRewrite(baseline.RepositoryPath(file), name, approved, pin.Candidate.ToString(), EvidenceText.Describe(pin.Metrics, pin.Evidence))
        {
            BaselineMethod = baselineMethod,
        };
        CheckOnlyThePin(rewrite, before[file], after[file], record.Id.ToString());
        return rewrite;
    }

    /// <summary>The baseline file with only the pin rewritten must be the candidate's file, token for token.</summary>
    private static void CheckOnlyThePin(PinRewrite rewrite, string before, string candidate, string id)
    {
        var rewritten = MethodRewriter.Rewrite(before, rewrite with { BaselineMethod = null }, EditParser.DefaultParseOptions);
        var options = EditParser.DefaultParseOptions;
        if (!SyntaxFactory.AreEquivalent(CSharpSyntaxTree.ParseText(rewritten, options), CSharpSyntaxTree.ParseText(candidate, options), topLevel: false))
        {
            throw new TrustException(TrustErrorCodes.UnsupportedCandidate,
                $"{rewrite.QualifiedName}: candidate {id} changes code outside the pinned method in {rewrite.FilePath}; publishing rewrites pinned methods only, so the published code would differ from what was measured. Promote a candidate that changes just the method.");
        }
    }
}
