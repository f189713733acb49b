using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Runs;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Manifests;
using Sigil.Trust.Publication;

namespace Sigil.LanguageServer.Handlers.Manifests;

/// <summary>
/// <c>sigil/manifest/publish</c>: <see cref="PublishService"/>, as <c>sigil publish</c> calls it (verify, then rewrite the
/// pins on a new git branch with one commit and a .patch; the current branch and tree are left alone). Its steps are
/// reported on the client's <c>workDoneToken</c> when one is given.
/// </summary>
internal sealed class PublishHandler(ServerState state, LanguageClient client, ServerLog log) : IRequestHandler<PublishParams, PublishResultInfo>
{
    /// <inheritdoc />
    public string Method => SigilMethods.ManifestPublish;

    /// <inheritdoc />
    public async Task<PublishResultInfo> HandleAsync(PublishParams parameters, CancellationToken ct)
    {
        var project = ProjectContext.Require(state);
        var manifest = string.IsNullOrWhiteSpace(parameters.Manifest) ? ManifestLocator.Path(project) : project.Resolve(parameters.Manifest);
        if (parameters.Branch is { } branch && (branch.Length == 0 || branch.Any(char.IsWhiteSpace) || branch.StartsWith('-')))
        {
            throw RequestException.InvalidParams($"'branch' is '{branch}'; give a name without spaces that does not start with '-', e.g. \"sigil/quickstart-1\".");
        }
        var request = new PublishManifestRequest(manifest, project.Paths)
        {
            BranchName = parameters.Branch,
            PatchPath = string.IsNullOrWhiteSpace(parameters.Patch) ? null : project.Resolve(parameters.Patch),
            AssemblyPath = string.IsNullOrWhiteSpace(parameters.Assembly) ? null : project.Resolve(parameters.Assembly),
        };
        var progress = await ProgressChannel.OpenAsync(client, parameters.WorkDoneToken, "", canCreate: false, log, ct).ConfigureAwait(false);
        var result = await OrderedProgress.AroundAsync(progress, "Sigil: publishing " + Path.GetFileName(manifest),
            steps => new PublishService().PublishAsync(request, steps, ct), r => $"published on {r.BranchName}", "refused: ").ConfigureAwait(false);
        return new PublishResultInfo
        {
            ManifestId = result.ManifestId,
            Branch = result.BranchName,
            Commit = result.CommitSha,
            Patch = result.PatchPath,
            ChangedFiles = result.ChangedFiles,
            OriginalBranch = result.OriginalBranch,
            Warnings = result.Warnings,
        };
    }
}
