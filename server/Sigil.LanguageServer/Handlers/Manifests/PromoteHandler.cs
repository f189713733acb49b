using Sigil.LanguageServer.Diagnostics;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Manifests;
using Sigil.Trust.Artifacts;
using Sigil.Trust.Policy;
using Sigil.Trust.Promotion;

namespace Sigil.LanguageServer.Handlers.Manifests;

/// <summary>
/// <c>sigil/manifest/promote</c>: <see cref="PromoteService"/>, as <c>sigil promote</c> calls it (stored evidence only;
/// a refusal names the unmet clause and writes nothing); then the manifest's diagnostics are published again.
/// </summary>
internal sealed class PromoteHandler(ServerState state, DiagnosticsPublisher diagnostics, IArtifactCompiler? artifacts = null)
    : IRequestHandler<PromoteParams, PromoteResultInfo>
{
    /// <summary>The warning when promote ran without an artifact compiler.</summary>
    public const string NoArtifactsWarning =
        "No artifacts were compiled: the prod resolver serves the baselines for this manifest until it is promoted with artifacts ('sigil promote'); publishing is not affected.";

    /// <inheritdoc />
    public string Method => SigilMethods.ManifestPromote;

    /// <inheritdoc />
    public async Task<PromoteResultInfo> HandleAsync(PromoteParams parameters, CancellationToken ct)
    {
        var spec = RequestException.Required(parameters.Spec, "spec", "\"spec\": \"quickstart\"");
        var workspace = RequestException.Required(parameters.Workspace, "workspace", "\"workspace\": \"v1\"");
        var key = RequestException.Required(parameters.Key, "key", "\"key\": \"release\" (see 'sigil keys list')");
        var objective = parameters.Objective.Trim().ToLowerInvariant() switch
        {
            "speed" => PromotionObjective.Speed,
            "score" => PromotionObjective.Score,
            var other => throw RequestException.InvalidParams($"'objective' is '{other}'; expected \"speed\" or \"score\"."),
        };
        if (!(parameters.ExpiresInDays * 24 * 60 >= 1 && parameters.ExpiresInDays <= 3660))
        {
            throw RequestException.InvalidParams($"'expiresInDays' is {parameters.ExpiresInDays}; a manifest must stay valid between 1 minute and 3660 days (default 90).");
        }
        var project = ProjectContext.Require(state);
        var request = new PromoteRequest(project.Paths, spec, workspace, key)
        {
            Candidates = parameters.Candidates is { Count: > 0 } candidates ? candidates : null,
            Author = parameters.Author,
            Objective = objective,
            Constraints = parameters.Constraints is { Count: > 0 } constraints ? constraints : null,
            NonInferiority = parameters.NonInferiority,
            Expiry = TimeSpan.FromDays(parameters.ExpiresInDays),
            OutputPath = parameters.Out is null ? null : project.Resolve(parameters.Out),
            Force = parameters.Force,
        };
        var compiler = parameters.NoArtifacts ? null : artifacts;
        var result = await new PromoteService(artifacts: compiler).PromoteAsync(request, ct).ConfigureAwait(false);
        _ = diagnostics.PublishManifestAsync();
        var warnings = result.Warnings.ToList();
        if (compiler is null && !parameters.NoArtifacts)
        {
            warnings.Add(NoArtifactsWarning);
        }
        return new PromoteResultInfo
        {
            ManifestId = result.ManifestId,
            ManifestPath = result.ManifestPath,
            RecordPath = result.RecordPath,
            Spec = result.Document.Spec,
            Workspace = result.Document.Workspace,
            Sequence = result.Sequence,
            ExpiresAt = result.Document.ExpiresAt,
            KeyId = result.Document.Signature?.KeyId ?? "",
            Pins = [.. result.Pins.Select(p => new PromotedPinInfo
            {
                Pin = p.QualifiedName,
                FunctionId = p.FunctionId.ToString(),
                Candidate = p.Candidate.ToString(),
                Evaluator = p.Evaluator,
                Evidence = p.Summary,
                Metrics = FiniteMetrics.Of(p.Metrics),
                ArtifactDigest = p.Artifact?.Digest,
            })],
            Warnings = warnings,
        };
    }
}
