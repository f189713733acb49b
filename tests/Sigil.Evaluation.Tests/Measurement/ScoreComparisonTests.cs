using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class ScoreComparisonTests
{
    // Student's sleep data (Cushny & Peebles): extra hours of sleep under drug 1 and drug 2, same ten patients.
    private static readonly double?[] Drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double?[] Drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [TestMethod]
    public void Compare_StudentSleepData_MatchesRPairedTTest()
    {
        var scores = ScoreComparison.Compare(Drug1, Drug2);

        Assert.AreEqual(10, scores.Pairs);
        Assert.AreEqual(0.75, scores.BaselineMean, 1e-12);
        Assert.AreEqual(2.33, scores.CandidateMean, 1e-12);
        Assert.AreEqual(1.58, scores.MeanDelta, 1e-12);
        Assert.AreEqual(0.7001142, scores.Interval.Low, 1e-6);
        Assert.AreEqual(2.4598858, scores.Interval.High, 1e-6);
        Assert.IsTrue(scores.ImprovesBy(0));
        Assert.IsTrue(scores.ImprovesBy(0.7));
        Assert.IsFalse(scores.ImprovesBy(0.71));
        Assert.AreEqual("score delta +1.580 [+0.700, +2.460] at 95%: the lower bound exceeds +0.000", scores.Describe(0));
    }

    [TestMethod]
    public void Compare_ReversedArms_NotNonInferiorUnlessTheMarginCoversIt()
    {
        var worse = ScoreComparison.Compare(Drug2, Drug1);
        var wideMargin = ScoreComparison.Compare(Drug2, Drug1, nonInferiorityMargin: 2.5);

        Assert.IsFalse(worse.NonInferior);
        Assert.IsTrue(wideMargin.NonInferior);
        StringAssert.Contains(worse.Describe(0), "does not exclude +0.000 at 95%");
    }

    [TestMethod]
    public void Compare_DeterministicEqualScores_ZeroIntervalNonInferiorNotImproved()
    {
        double?[] same = [0.5, 0.75, 1.0];

        var scores = ScoreComparison.Compare(same, same);

        Assert.AreEqual(0, scores.Interval.Low);
        Assert.AreEqual(0, scores.Interval.High);
        Assert.IsTrue(scores.NonInferior);
        Assert.IsFalse(scores.ImprovesBy(0));
    }

    [TestMethod]
    public void Compare_MissingAndNonFiniteScores_CountedNotPaired()
    {
        double?[] baseline = [1, 2, null, 4, 5];
        double?[] candidate = [1, null, 3, double.NaN, 6];

        var scores = ScoreComparison.Compare(baseline, candidate);

        Assert.AreEqual(2, scores.Pairs);
        Assert.AreEqual(2, scores.CandidateMissing);
        Assert.AreEqual(1, scores.BaselineMissing);
        Assert.AreEqual(0.5, scores.MeanDelta, 1e-12);
    }

    [TestMethod]
    public void Compare_OnePairOrNone_NoIntervalAndNothingClaimed()
    {
        var one = ScoreComparison.Compare([1.0], [2.0]);
        var none = ScoreComparison.Compare([null], [2.0]);

        Assert.AreEqual(double.NegativeInfinity, one.Interval.Low);
        Assert.IsFalse(one.ImprovesBy(0));
        Assert.IsFalse(one.NonInferior);
        StringAssert.Contains(one.Describe(0), "single pair");
        Assert.AreEqual(0, none.Pairs);
        Assert.IsTrue(double.IsNaN(none.MeanDelta));
        Assert.IsFalse(none.NonInferior);
    }

    [TestMethod]
    public void Compare_DifferentLengthsOrNegativeMargin_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => ScoreComparison.Compare([1.0, 2.0], [1.0]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScoreComparison.Compare([1.0], [1.0], nonInferiorityMargin: -0.1));
    }
}
