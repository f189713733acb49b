using System.Globalization;

namespace Sigil.Evaluation.Measurement;

/// <summary>
/// Decides whether a candidate is an improvement: a correctness gate AND a statistically supported gain of the
/// objective. False wins are the worst failure of this kind of tool, so every check must pass and each failure is
/// reported in words.
/// </summary>
/// <remarks>
/// <para><b>Gate</b>, in order: no compile error, no policy violation, no crash, no timeout (the candidate's
/// <see cref="ErrorTaxonomy"/>); at least one sample ran; every sample correct; no exception type thrown more often than
/// by the baseline on the same samples.</para>
/// <para><b>Objective</b>: for <see cref="Objective.Speed"/>, the paired speedup's lower bound exceeds
/// <see cref="AcceptanceCriteria.MinSpeedup"/> (<see cref="TimingVerdict.Faster"/>) and, when scores were measured, every
/// sample the baseline scored is scored and the score is non-inferior; for <see cref="Objective.Score"/>, every sample
/// the baseline scored is scored and the mean difference's lower bound exceeds <see cref="AcceptanceCriteria.MinScoreDelta"/>.</para>
/// <para><b>Selection bias.</b> Each decision accepts an identical candidate about 2.5% of the time at 95%. A search
/// that decides on hundreds of candidates will therefore find lucky ones: the claim a run reports must come from a fresh
/// measurement of its winner on the <see cref="Samples.SamplePart.Holdout"/> samples (new rounds, evidence never used to
/// choose it), and when k winners are confirmed at once, each at confidence 1 − 0.05/k (Bonferroni).</para>
/// <para>Statistics are computed from the raw evidence here, with the criteria's confidence, so the decision and the
/// stored metrics cannot disagree. After a failed gate, timing that cannot be compared (a run cut short) is left out
/// instead of throwing; with the gate passed, invalid timing is a worker bug and throws.</para>
/// </remarks>
public static class AcceptanceRule
{
    /// <summary>Decides on <paramref name="evidence"/> under <paramref name="criteria"/> (the defaults when null).</summary>
    /// <exception cref="ArgumentException">The evidence is inconsistent (rounds or scores not paired, invalid round times after a passed gate).</exception>
    public static AcceptanceDecision Decide(AcceptanceEvidence evidence, AcceptanceCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        criteria ??= AcceptanceCriteria.Default;
        var failures = new List<(string Kind, string Text)>();
        Gate(evidence, failures);
        var gatePassed = failures.Count == 0;

        var timing = Timing(evidence, criteria, gatePassed);
        var scores = evidence.BaselineScores.Count > 0 || evidence.CandidateScores.Count > 0
            ? ScoreComparison.Compare(evidence.BaselineScores, evidence.CandidateScores, criteria.Confidence, criteria.ScoreNonInferiorityMargin)
            : null;

        var support = new List<string>();
        if (gatePassed)
        {
            support.Add($"all {evidence.Correct.Count} samples correct, no error the baseline did not have");
            if (criteria.Objective == Objective.Speed) CheckSpeed(timing!, scores, criteria, failures, support);
            else CheckScore(scores, criteria, failures, support);
        }

        return failures.Count == 0
            ? new AcceptanceDecision(true, "accepted: " + string.Join("; ", support), null, support, timing, scores)
            : new AcceptanceDecision(false, failures[0].Text, failures[0].Kind, failures.Select(f => f.Text).ToList(), timing, scores);
    }

    private static void Gate(AcceptanceEvidence evidence, List<(string, string)> failures)
    {
        var errors = evidence.CandidateErrors;
        if (errors.CompileErrors > 0) failures.Add((FailureKinds.CompileError, $"the candidate does not compile ({Count(errors.CompileErrors, "error")})"));
        if (errors.PolicyViolations > 0) failures.Add((FailureKinds.PolicyViolation, $"the candidate uses forbidden APIs ({Count(errors.PolicyViolations, "policy violation")})"));
        if (errors.Crashes > 0) failures.Add((FailureKinds.Crash, $"the worker died running the candidate ({Count(errors.Crashes, "crash", "crashes")})"));
        if (errors.Timeouts > 0) failures.Add((FailureKinds.Timeout, $"the candidate ran past its time limit ({Count(errors.Timeouts, "timeout")})"));
        if (failures.Count > 0) return;

        if (evidence.Correct.Count == 0)
        {
            failures.Add((FailureKinds.NoSamples, "no sample was run, so nothing supports the candidate"));
            return;
        }
        var beyond = errors.ExceptionsBeyond(evidence.BaselineErrors);
        if (beyond.Count > 0)
        {
            failures.Add((FailureKinds.Exception, "the candidate throws where the baseline does not: "
                + string.Join(", ", beyond.Select(e => $"{e.Type} ×{e.Count} (baseline ×{e.BaselineCount})"))));
        }
        var wrong = evidence.Correct.Count(c => !c);
        if (wrong > 0)
        {
            failures.Add((FailureKinds.WrongResult, $"{wrong} of {evidence.Correct.Count} samples gave a result different from the baseline's"));
        }
    }

    private static TimingComparison? Timing(AcceptanceEvidence evidence, AcceptanceCriteria criteria, bool gatePassed)
    {
        var needed = gatePassed && criteria.Objective == Objective.Speed;
        if (!needed && !Comparable(evidence.BaselineRoundNs, evidence.CandidateRoundNs)) return null;
        return PairedTiming.Compare(evidence.BaselineRoundNs, evidence.CandidateRoundNs, criteria.Confidence, criteria.MinSpeedup, criteria.Trim);
    }

    private static bool Comparable(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate) =>
        baseline.Count >= PairedTiming.MinimumRounds
        && baseline.Count == candidate.Count
        && baseline.Concat(candidate).All(t => double.IsFinite(t) && t > 0);

    private static void CheckSpeed(TimingComparison timing, ScoreComparison? scores, AcceptanceCriteria criteria, List<(string, string)> failures, List<string> support)
    {
        if (timing.Verdict == TimingVerdict.Faster) support.Add(timing.Describe());
        else failures.Add((FailureKinds.NotImproved, timing.Describe()));
        if (scores is null) return;
        if (MissingScores(scores, failures)) return;
        var margin = -criteria.ScoreNonInferiorityMargin;
        var text = scores.Describe(margin);
        if (scores.NonInferior) support.Add($"score not worse than the baseline by more than {Number(criteria.ScoreNonInferiorityMargin)}: {text}");
        else failures.Add((FailureKinds.ScoreRegression, $"the score may be worse than the baseline's by more than the margin {Number(criteria.ScoreNonInferiorityMargin)}: {text}"));
    }

    private static void CheckScore(ScoreComparison? scores, AcceptanceCriteria criteria, List<(string, string)> failures, List<string> support)
    {
        if (scores is null)
        {
            failures.Add((FailureKinds.EvalError, "the objective is the eval score, but no score was measured"));
            return;
        }
        if (MissingScores(scores, failures)) return;
        var text = scores.Describe(criteria.MinScoreDelta);
        if (scores.ImprovesBy(criteria.MinScoreDelta)) support.Add(text);
        else failures.Add((FailureKinds.NotImproved, text));
    }

    private static bool MissingScores(ScoreComparison scores, List<(string, string)> failures)
    {
        if (scores.CandidateMissing > 0)
        {
            failures.Add((FailureKinds.EvalError, $"the eval function gave no score for the candidate on {scores.CandidateMissing} samples the baseline scored"));
            return true;
        }
        if (scores.Pairs == 0)
        {
            failures.Add((FailureKinds.EvalError, scores.Describe(0)));
            return true;
        }
        return false;
    }

    private static string Count(long n, string one, string? many = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
