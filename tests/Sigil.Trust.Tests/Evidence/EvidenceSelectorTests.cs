using Sigil.Core.Identity;
using Sigil.Trust.Evidence;
using Sigil.Trust.Policy;
using Sigil.Trust.Tests.Support;
using Sigil.Workspace.Model;

namespace Sigil.Trust.Tests.Evidence;

/// <summary>
/// The evidence rule (docs/decisions/0007, addendum): the run's holdout first, a comparison only without one, the
/// newest of several (never the best), and every evaluation passed over that disagrees is named.
/// </summary>
[TestClass]
public sealed class EvidenceSelectorTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);
    private static readonly CandidateId Candidate = new(new string('c', 64));

    private static EvaluationRecord Passing(string evaluator, int second, double low = 1.2) =>
        Evaluation(evaluator, second, HoldoutMetrics.Speed(1.4, low, 1.6));

    private static EvaluationRecord Failing(string evaluator, int second) =>
        Evaluation(evaluator, second, HoldoutMetrics.Speed(1.05, 0.97, 1.12, accepted: false));

    private static EvaluationRecord Evaluation(string evaluator, int second, Dictionary<string, double> metrics) =>
        EvaluationRecord.Create(Candidate, evaluator, "1:test", "b3:" + new string('b', 64), metrics, true, null, At.AddSeconds(second));

    [TestMethod]
    public void Holdout_IsUsed_AndALaterPassingComparisonDoesNotReplaceAFailedOne()
    {
        var selected = EvidenceSelector.Select([Failing("RootError#holdout", 0), Passing("RootError#compare", 10), Passing("RootError#compare", 20)]);

        Assert.IsNotNull(selected);
        Assert.AreEqual("RootError#holdout", selected.Evaluation.Evaluator);
        Assert.IsFalse(selected.Accepted);
        Assert.AreEqual(2, selected.PassingComparisonsIgnored);
        var note = Assert.ContainsSingle(selected.Notes);
        StringAssert.StartsWith(note, "2 comparison evaluation(s) are not used because the run's holdout evaluation takes precedence (RootError#holdout at 2026-12-05T14:00:00Z, speedup_ci_low > 1 is not met (0.97))");
        StringAssert.Contains(note, "2 of the 2 comparisons would pass the default policy, but do not count: RootError#compare at 2026-12-05T14:00:10Z, passes; RootError#compare at 2026-12-05T14:00:20Z, passes.");
    }

    [TestMethod]
    public void Holdout_IsUsed_AndALaterFailingComparisonIsNamed()
    {
        var selected = EvidenceSelector.Select([Passing("RootError#holdout", 0), Failing("RootError#compare", 10)]);

        Assert.AreEqual("RootError#holdout", selected?.Evaluation.Evaluator);
        Assert.IsTrue(selected!.Accepted);
        Assert.AreEqual(0, selected.PassingComparisonsIgnored);
        StringAssert.Contains(Assert.ContainsSingle(selected.Notes),
            "1 of the 1 comparisons would fail the default policy: RootError#compare at 2026-12-05T14:00:10Z, speedup_ci_low > 1 is not met (0.97).");
    }

    [TestMethod]
    public void Holdout_AndAgreeingComparisons_SayNothing()
    {
        var selected = EvidenceSelector.Select([Passing("RootError#holdout", 0), Passing("RootError#compare", 10, low: 1.5)]);

        Assert.AreEqual("RootError#holdout", selected?.Evaluation.Evaluator);
        Assert.IsEmpty(selected!.Notes);
    }

    [TestMethod]
    public void SeveralComparisons_TheNewestIsUsed_AndTheFailingOthersAreNamedWithTheCount()
    {
        var selected = EvidenceSelector.Select([Passing("RootError#compare", 0, low: 1.5), Failing("RootError#compare", 10), Passing("RootError#compare", 20, low: 1.1)]);

        Assert.IsNotNull(selected);
        Assert.AreEqual(At.AddSeconds(20), selected.Evaluation.CreatedAt, "the newest, not the best (1.5)");
        Assert.AreEqual(1.1, selected.Evidence.Ci["speedup"].Low);
        var note = Assert.ContainsSingle(selected.Notes);
        StringAssert.StartsWith(note, "3 comparison evaluations exist and the newest is the evidence (RootError#compare at 2026-12-05T14:00:20Z, passes)");
        StringAssert.EndsWith(note, "; 1 of the 2 others would fail the default policy: RootError#compare at 2026-12-05T14:00:10Z, speedup_ci_low > 1 is not met (0.97).");
    }

    [TestMethod]
    public void SeveralComparisons_AFailingNewestIsNotReplacedByAnOlderPassingOne()
    {
        var selected = EvidenceSelector.Select([Passing("RootError#compare", 0), Failing("RootError#compare", 10)]);

        Assert.IsNotNull(selected);
        Assert.AreEqual(At.AddSeconds(10), selected.Evaluation.CreatedAt);
        Assert.IsFalse(selected.Accepted);
        StringAssert.EndsWith(Assert.ContainsSingle(selected.Notes),
            "; 1 of the 1 others would pass the default policy, but do not count: RootError#compare at 2026-12-05T14:00:00Z, passes.");
    }

    [TestMethod]
    public void SeveralAgreeingComparisons_StillSayHowManyThereAre()
    {
        var selected = EvidenceSelector.Select([Passing("RootError#compare", 0), Passing("RootError#compare", 10), Passing("RootError#compare", 20)]);

        Assert.AreEqual("3 comparison evaluations exist and the newest is the evidence (RootError#compare at 2026-12-05T14:00:20Z, passes); the 2 others agree with it.",
            Assert.ContainsSingle(selected!.Notes));
    }

    [TestMethod]
    public void SeveralHoldouts_FollowTheSameRule()
    {
        var selected = EvidenceSelector.Select([Passing("RootError#holdout", 0), Failing("RootError#holdout", 10)]);

        Assert.AreEqual(At.AddSeconds(10), selected?.Evaluation.CreatedAt);
        StringAssert.StartsWith(Assert.ContainsSingle(selected!.Notes), "2 holdout evaluations exist and the newest is the evidence");
    }

    [TestMethod]
    public void NotAcceptedByTheAcceptanceRule_Disagrees_EvenWhenTheDefaultClausesHold()
    {
        var lucky = Evaluation("RootError#compare", 0, HoldoutMetrics.Speed(1.4, 1.2, 1.6, accepted: false));

        var selected = EvidenceSelector.Select([lucky, Passing("RootError#compare", 10)]);

        StringAssert.Contains(Assert.ContainsSingle(selected!.Notes), "RootError#compare at 2026-12-05T14:00:00Z, the acceptance rule did not accept it.");
    }

    [TestMethod]
    public void ScoreObjective_JudgesAgreementByTheScoreClause()
    {
        var worse = Evaluation("RootError#compare", 0, HoldoutMetrics.Speed(1.4, 1.2, 1.6, scoreDelta: -0.5));
        var better = Evaluation("RootError#compare", 10, HoldoutMetrics.Speed(1.4, 1.2, 1.6, scoreDelta: 0.5));

        var speed = EvidenceSelector.Select([worse, better], PromotionObjective.Speed);
        var score = EvidenceSelector.Select([worse, better], PromotionObjective.Score);

        StringAssert.Contains(speed!.Notes.Single(), "non-inferiority score_delta >= 0 is not met");
        StringAssert.Contains(score!.Notes.Single(), "score_delta_ci_low > 0 is not met (-0.5)");
    }

    [TestMethod]
    public void EqualTimes_AreBrokenByTheEvaluationId_WhateverTheStoreOrder()
    {
        var a = Passing("RootError#compare", 0, low: 1.1);
        var b = Passing("RootError#compare", 0, low: 1.5);
        var expected = string.CompareOrdinal(a.Id, b.Id) > 0 ? a.Id : b.Id;

        Assert.AreEqual(expected, EvidenceSelector.Select([a, b])?.Evaluation.Id);
        Assert.AreEqual(expected, EvidenceSelector.Select([b, a])?.Evaluation.Id);
    }

    [TestMethod]
    public void EvaluationsWithoutTrials_AndVisibleOnes_AreNotEvidence()
    {
        var empty = Evaluation("RootError#holdout", 30, HoldoutMetrics.Speed(1.4, 1.2, 1.6, rounds: 0));

        Assert.IsNull(EvidenceSelector.Select([Passing("RootError", 0), empty]));
        Assert.AreEqual("RootError#compare", EvidenceSelector.Select([Passing("RootError#compare", 0), empty])?.Evaluation.Evaluator);
    }
}
