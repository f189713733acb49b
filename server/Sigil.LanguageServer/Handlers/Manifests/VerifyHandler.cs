using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Manifests;
using Sigil.Trust.Verification;

namespace Sigil.LanguageServer.Handlers.Manifests;

/// <summary>
/// <c>sigil/manifest/verify</c>: <see cref="VerifyService"/>, exactly as <c>sigil verify</c> and the resolver check a
/// manifest; a manifest that would not be applied is a result with its code, not an error.
/// </summary>
internal sealed class VerifyHandler(ServerState state) : IRequestHandler<VerifyParams, VerifyResultInfo>
{
    /// <inheritdoc />
    public string Method => SigilMethods.ManifestVerify;

    /// <inheritdoc />
    public Task<VerifyResultInfo> HandleAsync(VerifyParams parameters, CancellationToken ct)
    {
        var project = ProjectContext.Require(state);
        var manifest = string.IsNullOrWhiteSpace(parameters.Manifest) ? ManifestLocator.Path(project) : project.Resolve(parameters.Manifest);
        var result = new VerifyService().Verify(new VerifyRequest(manifest, project.Paths)
        {
            AssemblyPath = string.IsNullOrWhiteSpace(parameters.Assembly) ? null : project.Resolve(parameters.Assembly),
        });
        return Task.FromResult(new VerifyResultInfo
        {
            Manifest = manifest,
            Valid = result.Valid,
            Code = result.Code,
            Message = result.Message,
            Pin = result.Pin,
            ManifestId = result.Summary?.ManifestId,
            Assembly = result.AssemblyPath,
            Warnings = result.Warnings,
        });
    }
}
