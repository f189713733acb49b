using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Candidates;
using Sigil.Runs.Inspection;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Handlers.Candidates;

/// <summary>
/// <c>sigil/candidates/list</c>: <see cref="SolutionsReport"/> with served calls, as <c>sigil inspect-solutions</c>
/// lists them; a spec without candidates is an empty list, not an error.
/// </summary>
internal sealed class CandidatesListHandler(ServerState state) : IRequestHandler<CandidatesListParams, CandidatesListResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.CandidatesList;

    /// <inheritdoc />
    public Task<CandidatesListResult> HandleAsync(CandidatesListParams parameters, CancellationToken ct)
    {
        var spec = RequestException.Required(parameters.Spec, "spec", "\"spec\": \"quickstart\"");
        if (parameters.Top < 0)
        {
            throw RequestException.InvalidParams($"'top' is {parameters.Top}; expected 0 (all) or a positive number.");
        }
        var project = ProjectContext.Require(state);
        if (!StoreFiles.Exists(project))
        {
            return Task.FromResult(new CandidatesListResult { Spec = spec });
        }
        using var store = LiteDbWorkspaceStore.Open(project.SigilDirectory);
        if (store.ListCandidates(spec, parameters.Workspace).Count == 0)
        {
            return Task.FromResult(new CandidatesListResult { Spec = spec });
        }
        var usage = ServedUsage.Read(project.SigilDirectory);
        var rows = SolutionsReport.Build(store, spec, parameters.Workspace, parameters.Top, usage.Calls)
            .Where(r => parameters.Pin is null || r.Pin == parameters.Pin);
        return Task.FromResult(new CandidatesListResult
        {
            Spec = spec,
            Candidates = [.. rows.Select(r => new CandidateSummary
            {
                Workspace = r.Workspace,
                Pin = r.Pin,
                FunctionId = r.FunctionId,
                Candidate = r.Candidate,
                Summary = r.Summary,
                EvalFunction = r.EvalFunction,
                Correct = r.Correct,
                ErrorClass = r.ErrorClass,
                Speedup = r.Speedup,
                Metrics = FiniteMetrics.Of(r.Metrics),
                HoldoutAccepted = r.HoldoutAccepted,
                CreatedAt = r.CreatedAt,
                ServedCalls = r.ServedCalls,
            })],
        });
    }
}
