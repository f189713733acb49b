using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.Runs;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Compare;
using Sigil.Runs.Inspection;

namespace Sigil.LanguageServer.Handlers.Compare;

/// <summary>
/// <c>sigil/compare/run</c>: <see cref="CompareService"/>, as <c>sigil compare</c> runs it (fresh paired trials on every
/// tracked sample, stored as <c>#compare</c> evaluations); <c>$/cancelRequest</c> stops it. Its steps are reported on
/// the client's <c>workDoneToken</c> when one is given.
/// </summary>
internal sealed class CompareRunHandler(ServerState state, LensRefresher refresher, LanguageClient client, ServerLog log) : IRequestHandler<CompareRunParams, CompareRunResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.CompareRun;

    /// <inheritdoc />
    public async Task<CompareRunResult> HandleAsync(CompareRunParams parameters, CancellationToken ct)
    {
        var spec = RequestException.Required(parameters.Spec, "spec", "\"spec\": \"quickstart\"");
        var workspace = RequestException.Required(parameters.Workspace, "workspace", "\"workspace\": \"v1\"");
        if (parameters.Rounds < 3)
        {
            throw RequestException.InvalidParams($"'rounds' is {parameters.Rounds}: paired statistics need at least 3.");
        }
        var project = ProjectContext.Require(state);
        var progress = await ProgressChannel.OpenAsync(client, parameters.WorkDoneToken, "", canCreate: false, log, ct).ConfigureAwait(false);
        var request = new CompareRequest
        {
            ProjectFile = project.ProjectFile(),
            SigilDirectory = project.SigilDirectory,
            Spec = spec,
            Workspace = workspace,
            Candidate = parameters.Candidate,
            Rounds = parameters.Rounds,
            Seed = parameters.Seed,
            MaxSamples = parameters.MaxSamples,
        };
        var comparisons = await OrderedProgress.AroundAsync(progress, $"Sigil: comparing {spec}/{workspace}",
            steps => new CompareService().CompareAsync(request, null, ct, steps),
            c => $"{c.Count(x => x.Improved)} of {c.Count} improved", "failed: ").ConfigureAwait(false);
        await refresher.RefreshAsync(ct).ConfigureAwait(false);
        return new CompareRunResult
        {
            Spec = spec,
            Workspace = workspace,
            Comparisons = [.. comparisons.Select(c => new ComparisonInfo
            {
                Pin = c.Pin,
                Candidate = c.Candidate,
                Samples = c.Samples,
                Correct = c.Correct,
                Improved = c.Improved,
                Verdict = c.Verdict,
                Metrics = FiniteMetrics.Of(c.Metrics),
            })],
        };
    }
}
