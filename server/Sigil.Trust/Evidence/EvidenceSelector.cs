using Sigil.Manifests.Model;
using Sigil.Workspace.Model;

namespace Sigil.Trust.Evidence;

/// <summary>
/// Picks a candidate's evidence from its STORED evaluations only: the most recent fresh measurement, a holdout
/// confirmation (<c>&lt;eval&gt;#holdout</c>) or a comparison (<c>&lt;eval&gt;#compare</c>), the holdout winning a
/// tie; never the visible-sample evaluation the search chose it on (those numbers carry selection bias).
/// </summary>
internal static class EvidenceSelector
{
    /// <summary>The evidence of a candidate, or null when it has no holdout or comparison evaluation with trials.</summary>
    public static SelectedEvidence? Select(IReadOnlyList<EvaluationRecord> evaluations)
    {
        var fresh = evaluations
            .Where(IsFresh)
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Evaluator.EndsWith(EvidenceMetrics.HoldoutSuffix, StringComparison.Ordinal) ? 1 : 0)
            .LastOrDefault();
        return fresh is null ? null : From(fresh);
    }

    /// <summary>True for holdout and comparison evaluations.</summary>
    public static bool IsFresh(EvaluationRecord evaluation) =>
        evaluation.Evaluator.EndsWith(EvidenceMetrics.HoldoutSuffix, StringComparison.Ordinal)
        || evaluation.Evaluator.EndsWith(EvidenceMetrics.CompareSuffix, StringComparison.Ordinal);

    /// <summary>The manifest's view of one evaluation; null when it records no trials.</summary>
    public static SelectedEvidence? From(EvaluationRecord evaluation)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in evaluation.Metrics)
        {
            if (double.IsFinite(value) && name.Length > 0 && name.Trim().Length == name.Length)
            {
                metrics[name] = value;
            }
        }
        var samples = metrics.GetValueOrDefault(EvidenceMetrics.Samples);
        var allCorrect = evaluation.Correct && evaluation.ErrorClass is null
            && (!metrics.TryGetValue(EvidenceMetrics.CorrectSamples, out var correct) || correct == samples);
        metrics[EvidenceMetrics.Correct] = allCorrect ? 1 : 0;
        var rounds = metrics.GetValueOrDefault(EvidenceMetrics.Rounds, 1);
        var trials = (long)Math.Round(Math.Max(rounds, 0) * Math.Max(samples, 0));
        if (trials < 1)
        {
            return null;
        }
        var intervals = new SortedDictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        AddInterval(intervals, metrics, EvidenceMetrics.SpeedupCi, EvidenceMetrics.SpeedupCiLow, EvidenceMetrics.SpeedupCiHigh);
        AddInterval(intervals, metrics, EvidenceMetrics.ScoreDeltaCi, EvidenceMetrics.ScoreDeltaCiLow, EvidenceMetrics.ScoreDeltaCiHigh);
        return new SelectedEvidence(evaluation, metrics, new PinEvidence(trials, intervals));
    }

    private static void AddInterval(
        SortedDictionary<string, ConfidenceInterval> intervals, SortedDictionary<string, double> metrics, string name, string low, string high)
    {
        if (metrics.TryGetValue(low, out var l) && metrics.TryGetValue(high, out var h) && l <= h)
        {
            intervals[name] = new ConfidenceInterval(l, h);
        }
    }
}
