using Sigil.Runs.Evaluation;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Inspection;

/// <summary>
/// The solutions of a spec (<c>sigil inspect-solutions</c>, the language server's candidate list): per workspace and pin,
/// the candidates with their latest evaluation, correct ones first, fastest first, holdout-confirmed marked.
/// </summary>
public static class SolutionsReport
{
    /// <summary>
    /// The rows, at most <paramref name="top"/> per workspace and pin (0 for all), with the calls each candidate has
    /// served in apps when <paramref name="servedCalls"/> is given (<see cref="ServedUsage"/>).
    /// </summary>
    /// <exception cref="RunException">The spec has no candidates (the message says how to make some).</exception>
    public static IReadOnlyList<SolutionRow> Build(IWorkspaceStore store, string spec, string? workspace = null, int top = 5,
        IReadOnlyDictionary<string, long>? servedCalls = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var candidates = store.ListCandidates(spec, workspace);
        if (candidates.Count == 0)
        {
            var where = workspace is null ? $"spec '{spec}'" : $"workspace '{workspace}' of spec '{spec}'";
            throw new RunException($"No candidates in {where} yet: run 'sigil run {spec} --name {workspace ?? "v1"}'.");
        }
        return Rows(store, candidates, top, servedCalls);
    }

    /// <summary>
    /// The rows of <paramref name="candidates"/> (any subset of a spec's, e.g. one pin's), grouped and ordered as
    /// <see cref="Build"/> orders them; only their evaluations are read.
    /// </summary>
    public static IReadOnlyList<SolutionRow> Rows(IWorkspaceStore store, IEnumerable<CandidateRecord> candidates, int top = 5,
        IReadOnlyDictionary<string, long>? servedCalls = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var list = candidates.ToList();
        var byCandidate = store.ListEvaluations(list.Select(c => c.Id));
        var rows = list.Select(c =>
        {
            var evaluations = byCandidate[c.Id];
            var visible = evaluations.LastOrDefault(e => !e.Evaluator.EndsWith(PinEvaluator.HoldoutSuffix, StringComparison.Ordinal));
            var holdout = evaluations.LastOrDefault(e => e.Evaluator.EndsWith(PinEvaluator.HoldoutSuffix, StringComparison.Ordinal));
            return new SolutionRow(
                c.Workspace, c.FunctionId.QualifiedName, c.FunctionId.ToString(), c.Id.ToString(), c.Summary,
                visible?.Evaluator.Split('#')[0] ?? "—", visible?.Correct ?? false, visible?.ErrorClass ?? (visible is null ? "not evaluated" : null),
                visible?.Metrics ?? new Dictionary<string, double>(),
                holdout is null ? null : holdout.Metrics.GetValueOrDefault("accepted") > 0, c.CreatedAt,
                servedCalls?.GetValueOrDefault(c.Id.ToString()) ?? 0);
        });
        return rows
            .GroupBy(r => (r.Workspace, r.Pin))
            .OrderBy(g => g.Key.Workspace, StringComparer.Ordinal).ThenBy(g => g.Key.Pin, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(r => r.Correct).ThenByDescending(r => r.HoldoutAccepted == true).ThenByDescending(r => r.Speedup)
                .ThenBy(r => r.CreatedAt).Take(top <= 0 ? int.MaxValue : top))
            .ToList();
    }
}
