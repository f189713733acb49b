using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.Runs;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Compare;
using Sigil.Protocol.Lsp;
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
        await progress.SendAsync(new WorkDoneProgressBegin { Title = $"Sigil: comparing {spec}/{workspace}" }).ConfigureAwait(false);
        var steps = new OrderedProgress(progress);
        IReadOnlyList<Comparison> comparisons;
        try
        {
            comparisons = await new CompareService().CompareAsync(new CompareRequest
            {
                ProjectFile = project.ProjectFile(),
                SigilDirectory = project.SigilDirectory,
                Spec = spec,
                Workspace = workspace,
                Candidate = parameters.Candidate,
                Rounds = parameters.Rounds,
                Seed = parameters.Seed,
                MaxSamples = parameters.MaxSamples,
            }, null, ct, steps).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await steps.DrainAsync().ConfigureAwait(false);
            await progress.SendAsync(new WorkDoneProgressEnd { Message = e is OperationCanceledException ? "cancelled" : "failed: " + e.Message }).ConfigureAwait(false);
            throw;
        }
        await steps.DrainAsync().ConfigureAwait(false);
        await progress.SendAsync(new WorkDoneProgressEnd { Message = $"{comparisons.Count(c => c.Improved)} of {comparisons.Count} improved" }).ConfigureAwait(false);
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
