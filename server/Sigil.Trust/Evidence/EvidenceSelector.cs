using System.Globalization;
using Sigil.Manifests.Model;
using Sigil.Trust.Policy;
using Sigil.Workspace.Model;

namespace Sigil.Trust.Evidence;

/// <summary>
/// Picks a candidate's evidence from its STORED evaluations only, never the visible-sample evaluation the search chose
/// it on (those numbers carry selection bias), by a fixed rule that repeated measurements cannot game
/// (docs/decisions/0007, "Addendum: evidence selection"):
/// <list type="number">
/// <item>the run's holdout confirmation (<c>&lt;eval&gt;#holdout</c>) when there is one — later comparisons never
/// replace it, whatever they say;</item>
/// <item>else a comparison (<c>&lt;eval&gt;#compare</c>);</item>
/// <item>of several evaluations of that kind, the newest (then the greatest id), never the best.</item>
/// </list>
/// What the rule passed over is not hidden: <see cref="SelectedEvidence.Notes"/> says how many evaluations of the kind
/// exist and lists those whose verdict under the objective's default policy differs from the chosen one's, and the
/// comparisons a holdout overrode when they disagree with it. Evaluations without trials are not evidence and are skipped.
/// </summary>
internal static class EvidenceSelector
{
    private const int MaxListed = 5;

    /// <summary>The evidence of a candidate, or null when it has no holdout or comparison evaluation with trials.</summary>
    /// <param name="evaluations">Every stored evaluation of the candidate.</param>
    /// <param name="objective">Whose default policy decides whether two evaluations agree (pass or fail alike).</param>
    public static SelectedEvidence? Select(IReadOnlyList<EvaluationRecord> evaluations, PromotionObjective objective = PromotionObjective.Speed)
    {
        var holdouts = Usable(evaluations, EvidenceMetrics.HoldoutSuffix);
        var comparisons = Usable(evaluations, EvidenceMetrics.CompareSuffix);
        var (kind, name) = holdouts.Count > 0 ? (holdouts, "holdout") : (comparisons, "comparison");
        if (kind.Count == 0)
        {
            return null;
        }
        var chosen = kind[^1];
        var verdict = Verdict(chosen, objective);
        var notes = new List<string>();
        if (kind.Count > 1)
        {
            var others = kind.Take(kind.Count - 1).ToList();
            notes.Add($"{kind.Count} {name} evaluations exist and the newest is the evidence ({Describe(chosen, verdict)})"
                + Disagreeing(others, verdict, objective, "others"));
        }
        var passingIgnored = 0;
        if (holdouts.Count > 0 && comparisons.Count > 0)
        {
            var disagreeing = comparisons.Where(c => (Verdict(c, objective) is null) != (verdict is null)).ToList();
            passingIgnored = verdict is null ? 0 : disagreeing.Count;
            if (disagreeing.Count > 0)
            {
                notes.Add($"{comparisons.Count} comparison evaluation(s) are not used because the run's holdout evaluation takes precedence ({Describe(chosen, verdict)})"
                    + Disagreeing(comparisons, verdict, objective, "comparisons"));
            }
        }
        return chosen with { Notes = notes, PassingComparisonsIgnored = passingIgnored };
    }

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

    /// <summary>The evaluations of one kind that carry trials, oldest first (ties by id, so the order is total).</summary>
    private static List<SelectedEvidence> Usable(IReadOnlyList<EvaluationRecord> evaluations, string suffix) =>
        evaluations
            .Where(e => e.Evaluator.EndsWith(suffix, StringComparison.Ordinal))
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(From)
            .OfType<SelectedEvidence>()
            .ToList();

    /// <summary>
    /// Null when the evaluation passes the objective's default policy (as the only pin) and the acceptance rule accepted
    /// it; else the first reason it does not.
    /// </summary>
    internal static string? Verdict(SelectedEvidence evidence, PromotionObjective objective)
    {
        var policy = PromotionPolicy.Build(objective, null, null, [evidence.Evidence]);
        if (PolicyCheck.FirstUnmet(policy, evidence.Metrics, evidence.Evidence) is { } unmet)
        {
            return unmet;
        }
        return evidence.Metrics.GetValueOrDefault(EvidenceMetrics.Accepted) > 0 ? null : "the acceptance rule did not accept it";
    }

    private static string Disagreeing(IReadOnlyList<SelectedEvidence> others, string? verdict, PromotionObjective objective, string what)
    {
        var disagreeing = others.Select(o => (Evidence: o, Verdict: Verdict(o, objective)))
            .Where(o => (o.Verdict is null) != (verdict is null))
            .ToList();
        if (disagreeing.Count == 0)
        {
            return others.Count == 1 ? "; the other agrees with it." : $"; the {others.Count} {what} agree with it.";
        }
        var listed = string.Join("; ", disagreeing.Take(MaxListed).Select(o => Describe(o.Evidence, o.Verdict)))
            + (disagreeing.Count > MaxListed ? $"; and {disagreeing.Count - MaxListed} more" : "");
        return verdict is null
            ? $"; {disagreeing.Count} of the {others.Count} {what} would fail the default policy: {listed}."
            : $"; {disagreeing.Count} of the {others.Count} {what} would pass the default policy, but do not count: {listed}.";
    }

    private static string Describe(SelectedEvidence evidence, string? verdict) =>
        $"{evidence.Evaluation.Evaluator} at {evidence.Evaluation.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}, "
        + (verdict is null ? "passes" : verdict);

    private static void AddInterval(
        SortedDictionary<string, ConfidenceInterval> intervals, SortedDictionary<string, double> metrics, string name, string low, string high)
    {
        if (metrics.TryGetValue(low, out var l) && metrics.TryGetValue(high, out var h) && l <= h)
        {
            intervals[name] = new ConfidenceInterval(l, h);
        }
    }
}
