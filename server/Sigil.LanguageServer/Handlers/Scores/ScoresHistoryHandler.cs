using System.Text.RegularExpressions;
using Sigil.Core.Identity;
using Sigil.LanguageServer.Hosting;
using Sigil.LanguageServer.State;
using Sigil.Protocol;
using Sigil.Protocol.Scores;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Handlers.Scores;

/// <summary>
/// <c>sigil/scores/history</c>: for a chart, each stored run's trials in order (the run log the store keeps for audit and
/// resume), with the fitness the optimizer saw, the speedup and eval score its evaluation measured, the best so far,
/// and the baseline (speedup 1, and its eval score as the evaluations measured it).
/// </summary>
internal sealed partial class ScoresHistoryHandler(ServerState state) : IRequestHandler<ScoresHistoryParams, ScoresHistoryResult>
{
    /// <inheritdoc />
    public string Method => SigilMethods.ScoresHistory;

    /// <inheritdoc />
    public Task<ScoresHistoryResult> HandleAsync(ScoresHistoryParams parameters, CancellationToken ct)
    {
        var spec = RequestException.Required(parameters.Spec, "spec", "\"spec\": \"quickstart\"");
        var project = ProjectContext.Require(state);
        if (!StoreFiles.Exists(project))
        {
            return Task.FromResult(new ScoresHistoryResult { Spec = spec });
        }
        using var store = LiteDbWorkspaceStore.Open(project.SigilDirectory);
        var evaluations = new Dictionary<CandidateId, IReadOnlyList<EvaluationRecord>>();
        var series = new List<ScoreSeries>();
        foreach (var run in store.ListRuns(spec, parameters.Workspace))
        {
            ct.ThrowIfCancellationRequested();
            var pin = run.PinFunctionIds.FirstOrDefault();
            if (pin is null || (parameters.Pin is not null && !run.PinFunctionIds.Any(f => f.QualifiedName == parameters.Pin)))
            {
                continue;
            }
            var points = new List<ScorePoint>();
            double? best = null, baselineScore = null;
            foreach (var trial in store.ListTrials(run.Id))
            {
                var metrics = Metrics(store, evaluations, trial);
                if (trial.Feasible == true && trial.Fitness is { } fitness && double.IsFinite(fitness))
                {
                    best = best is { } b ? Math.Max(b, fitness) : fitness;
                }
                baselineScore ??= Get(metrics, "baseline_score_mean");
                points.Add(new ScorePoint
                {
                    Index = trial.Index,
                    Status = Kebab(trial.Status.ToString()),
                    Candidate = trial.CandidateId?.ToString(),
                    Fitness = Finite(trial.Fitness),
                    Feasible = trial.Feasible,
                    Speedup = Finite(Get(metrics, "speedup")),
                    Score = Finite(Get(metrics, "score_mean")),
                    BestFitness = best,
                    Generator = trial.Generator,
                    Operator = trial.Operator ?? trial.Label,
                    CreatedAt = trial.CreatedAt,
                });
            }
            series.Add(new ScoreSeries
            {
                RunId = run.Id.ToString(),
                Workspace = run.Workspace,
                Pin = pin.QualifiedName,
                FunctionId = pin.ToString(),
                Optimizer = run.Optimizer,
                Iterations = run.Iterations,
                CreatedAt = run.CreatedAt,
                Baseline = new ScoreBaseline { Speedup = 1.0, Score = Finite(baselineScore) },
                Points = points,
            });
        }
        return Task.FromResult(new ScoresHistoryResult { Spec = spec, Series = series });
    }

    private static IReadOnlyDictionary<string, double>? Metrics(IWorkspaceStore store, Dictionary<CandidateId, IReadOnlyList<EvaluationRecord>> cache, TrialRecord trial)
    {
        if (trial.CandidateId is not { } candidate || trial.EvaluationId is not { } evaluation)
        {
            return null;
        }
        if (!cache.TryGetValue(candidate, out var list))
        {
            list = store.ListEvaluations(candidate);
            cache[candidate] = list;
        }
        return list.FirstOrDefault(e => e.Id == evaluation)?.Metrics;
    }

    private static double? Get(IReadOnlyDictionary<string, double>? metrics, string key) =>
        metrics is not null && metrics.TryGetValue(key, out var value) ? value : null;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static string Kebab(string name) => Upper().Replace(name, "-$1").TrimStart('-').ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Upper();
}
