using Sigil.Manifests.Model;
using Sigil.Trust.Errors;
using Sigil.Trust.Evidence;

namespace Sigil.Trust.Policy;

/// <summary>
/// The policy a promoted manifest carries. Defaults: <c>correct == 1</c> (every sample correct, no error) and, for
/// <see cref="PromotionObjective.Speed"/>, <c>speedup_ci_low &gt; 1</c>, for <see cref="PromotionObjective.Score"/>,
/// <c>score_delta_ci_low &gt; 0</c>. Clauses given by the user replace the default on the same metric and add the
/// others. Non-inferiority defaults to <c>score_delta &gt;= 0</c> (the eval score is not worse than the baseline's, as
/// the acceptance rule requires) when every pin's evidence has a score-difference interval, else none.
/// </summary>
public static class PromotionPolicy
{
    /// <summary>The word that turns the default non-inferiority rule off.</summary>
    public const string NoNonInferiority = "none";

    /// <summary>The default constraint clauses for <paramref name="objective"/>.</summary>
    public static IReadOnlyList<PolicyClause> DefaultConstraints(PromotionObjective objective) =>
    [
        new(EvidenceMetrics.Correct, "==", 1),
        objective == PromotionObjective.Speed
            ? new(EvidenceMetrics.SpeedupCiLow, ">", 1)
            : new(EvidenceMetrics.ScoreDeltaCiLow, ">", 0),
    ];

    /// <summary>The policy from the defaults, the user's clauses and the evidence of every pin.</summary>
    internal static ManifestPolicy Build(
        PromotionObjective objective, IReadOnlyList<string>? constraints, string? nonInferiority, IReadOnlyList<PinEvidence> evidence)
    {
        var merged = DefaultConstraints(objective).ToDictionary(c => c.Metric, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in (constraints ?? []).Select(PolicyClause.Parse))
        {
            if (!given.Add(clause.Metric))
            {
                throw new TrustException(TrustErrorCodes.InvalidRequest,
                    $"The policy names {clause.Metric} twice; a manifest holds one constraint per metric, so give it once.");
            }
            merged[clause.Metric] = clause;
        }
        var rules = merged.Values.ToDictionary(c => c.Metric, c => c.ToConstraint(), StringComparer.Ordinal);
        return new ManifestPolicy(rules, NonInferiority(nonInferiority, evidence));
    }

    private static NonInferiorityRule? NonInferiority(string? text, IReadOnlyList<PinEvidence> evidence)
    {
        if (text is null)
        {
            return evidence.Count > 0 && evidence.All(e => e.Ci.ContainsKey(EvidenceMetrics.ScoreDeltaCi))
                ? new NonInferiorityRule(EvidenceMetrics.ScoreDeltaCi, 0)
                : null;
        }
        if (string.Equals(text.Trim(), NoNonInferiority, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var clause = PolicyClause.Parse(text);
        return clause.Op == ">="
            ? new NonInferiorityRule(clause.Metric, clause.Value)
            : throw new TrustException(TrustErrorCodes.InvalidRequest,
                $"'{text}' is not a non-inferiority clause; write METRIC>=DELTA (the lowest acceptable lower bound of the candidate − baseline interval), e.g. 'score_delta>=-0.0002', or '{NoNonInferiority}'.");
    }
}
