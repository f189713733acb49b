using Sigil.Core.Identity;
using Sigil.Publishing;
using Sigil.Publishing.Git;
using Sigil.Publishing.Rewriting;
using Sigil.Trust.Errors;
using Sigil.Trust.Git;
using Sigil.Trust.Projects;
using Sigil.Trust.Sources;
using Sigil.Trust.Verification;

namespace Sigil.Trust.Publication;

/// <summary>
/// <c>sigil publish</c>: applies a manifest to the code. The manifest is verified first exactly as the resolver would
/// (<see cref="VerifyService"/>: signature, trust, expiry, sequence and ABI — a mismatch is refused with the verifier's
/// message, never ignored); then each pin's candidate is rebuilt from the manifest's commit through its stored diff
/// chain, and <see cref="Publisher"/> rewrites the pinned methods on a new branch in one commit carrying the evidence,
/// with a <c>.patch</c> of it (by default <c>.git/sigil/patches/sigil-publish-&lt;short id&gt;.patch</c>, outside the
/// working tree, so that publishing the next manifest finds the tree clean). Every check runs before anything changes;
/// a refusal changes nothing.
/// </summary>
public sealed class PublishService(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Publishes the manifest of <paramref name="request"/>.</summary>
    /// <exception cref="TrustException">The manifest does not verify (<see cref="TrustException.Code"/> is the verifier's), or a candidate cannot be published.</exception>
    /// <exception cref="PublishRefusedException">The repository refuses it (not a repository, dirty tree, branch or patch exists, method changed since); nothing changed.</exception>
    /// <exception cref="PublishFailedException">A step after creating the branch failed; the repository was restored.</exception>
    public async Task<PublishManifestResult> PublishAsync(PublishManifestRequest request, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var layout = new ProjectLayout(request.Project);
        progress?.Report("Verifying the manifest");
        var verdict = new VerifyService(_time).Verify(new VerifyRequest(request.ManifestPath, layout.Paths) { AssemblyPath = request.AssemblyPath, RequireArtifacts = false });
        if (!verdict.Valid)
        {
            throw new TrustException(verdict.Code!, $"The manifest does not verify, so it is not published: {verdict.Message}");
        }
        var manifest = verdict.Document!;
        var warnings = new List<string>(verdict.Warnings);
        var git = new GitCli(request.Git);
        var root = await git.RootAsync(layout.ProjectDirectory, ct).ConfigureAwait(false) ?? throw new PublishRefusedException(RefusalReasons.NotARepository,
            $"'{layout.ProjectDirectory}' is not inside a git repository. Publishing makes a branch and a commit: run it from the project's git working tree.");
        var commit = manifest.Codebase.Commit;
        if (commit == FunctionId.NoCommit || !await git.CommitExistsAsync(root, commit, ct).ConfigureAwait(false))
        {
            warnings.Add($"The manifest's commit {commit[..12]} is not in this repository, so candidates were rebuilt from the working tree instead.");
            commit = null;
        }
        var sourceRoot = layout.SourceRoot;
        var baseline = new BaselineFiles(git, root, sourceRoot, await git.PrefixAsync(sourceRoot, ct).ConfigureAwait(false), commit);
        progress?.Report($"Rebuilding {manifest.Pins.Count} candidate(s) from {baseline.Name}");
        var pins = new List<PinRewrite>();
        using (var store = layout.OpenWorkspace())
        {
            foreach (var pin in manifest.Pins)
            {
                pins.Add(await PinPlanner.PlanAsync(store, pin, baseline, ct).ConfigureAwait(false));
            }
        }
        var branch = request.BranchName ?? PublishRequest.DefaultBranchName(manifest.ManifestId!);
        // No path: the publisher writes it in the git directory (.git/sigil/patches/<branch>.patch), out of the working tree.
        var patch = request.PatchPath is null ? null : Path.GetFullPath(request.PatchPath, layout.ProjectDirectory);
        var publication = new PublishRequest(layout.ProjectDirectory, branch, PublicationText.Title(manifest), PublicationText.Body(manifest, baseline.Name), pins, patch);
        var result = await new Publisher(request.Git).PublishAsync(publication, progress, ct).ConfigureAwait(false);
        warnings.AddRange(result.Warnings);
        return new PublishManifestResult(manifest.ManifestId!, result.BranchName, result.CommitSha, result.PatchPath, result.ChangedFiles, result.OriginalBranch, warnings);
    }
}
