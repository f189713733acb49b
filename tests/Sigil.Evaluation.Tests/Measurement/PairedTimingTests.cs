using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class PairedTimingTests
{
    [TestMethod]
    public void Compare_ThreeRoundsUntrimmed_GeometricMeanAndTIntervalByHand()
    {
        // Ratios 1.1, 1.1, 1.0: geometric mean 1.21^(1/3) = 1.0656022; log ratios have SD 0.0550274, SE 0.0317701,
        // t(0.975, 2) = 4.3026527, so the interval is exp(0.0635401 ± 0.1366968) = [0.9294564, 1.2216906].
        var timing = PairedTiming.Compare([110, 121, 100], [100, 110, 100], trim: 0);

        Assert.AreEqual(3, timing.Rounds);
        Assert.AreEqual(1.0656022367666107, timing.Speedup, 1e-12);
        Assert.AreEqual(timing.Speedup, timing.GeometricMeanSpeedup, 1e-12);
        Assert.AreEqual(0.9294563671222503, timing.Interval.Low, 1e-9);
        Assert.AreEqual(1.221690621710112, timing.Interval.High, 1e-9);
        Assert.AreEqual(110.333333, timing.BaselineMeanNs, 1e-5);
        Assert.AreEqual(103.333333, timing.CandidateMeanNs, 1e-5);
        Assert.AreEqual(TimingVerdict.Inconclusive, timing.Verdict);
        Assert.AreEqual("speedup 1.07× [0.93, 1.22] does not exclude 1.00 at 95%", timing.Describe());
    }

    [TestMethod]
    public void Compare_TrimmedLogRatios_MatchYuenIntervalExponentiated()
    {
        // Log ratios (1..9, 100)/100: the 20%-trimmed mean is 0.055 with SE 0.011902381 and 5 degrees of freedom.
        double[] logRatios = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 1.00];
        var candidate = logRatios.Select(_ => 1000.0).ToArray();
        var baseline = logRatios.Select(d => 1000.0 * Math.Exp(d)).ToArray();

        var timing = PairedTiming.Compare(baseline, candidate);

        Assert.AreEqual(Math.Exp(0.055), timing.Speedup, 1e-12);
        Assert.AreEqual(Math.Exp(0.055 - 2.5705818 * 0.011902381), timing.Interval.Low, 1e-8);
        Assert.AreEqual(Math.Exp(0.055 + 2.5705818 * 0.011902381), timing.Interval.High, 1e-8);
        Assert.AreEqual(Math.Exp(logRatios.Average()), timing.GeometricMeanSpeedup, 1e-12);
        Assert.AreEqual(TimingVerdict.Faster, timing.Verdict);
        StringAssert.StartsWith(timing.Describe(), "speedup 1.06× [1.02, 1.09] at 95%: faster");
    }

    [TestMethod]
    public void Compare_CandidateAlwaysSlower_Slower()
    {
        double[] baseline = [100, 101, 99, 100, 102, 98, 100, 101];
        var candidate = baseline.Select((b, i) => b * (1.2 + 0.01 * (i % 3))).ToArray();

        var timing = PairedTiming.Compare(baseline, candidate);

        Assert.AreEqual(TimingVerdict.Slower, timing.Verdict);
        Assert.IsLessThan(1.0, timing.Interval.High);
        StringAssert.Contains(timing.Describe(), "slower");
    }

    [TestMethod]
    public void Compare_GainBelowMinimumSpeedup_InconclusiveAndSaysSo()
    {
        double[] candidate = [100, 100, 100, 100, 100, 100];
        double[] baseline = [103, 104, 103, 104, 103, 104];

        var any = PairedTiming.Compare(baseline, candidate);
        var atLeastFivePercent = PairedTiming.Compare(baseline, candidate, minSpeedup: 1.05);

        Assert.AreEqual(TimingVerdict.Faster, any.Verdict);
        Assert.AreEqual(TimingVerdict.Inconclusive, atLeastFivePercent.Verdict);
        StringAssert.Contains(atLeastFivePercent.Describe(), "does not exceed the minimum speedup 1.05");
    }

    [TestMethod]
    public void Compare_FasterUsuallyButHugeSlowRounds_GuardKeepsItInconclusive()
    {
        // 8 of 10 rounds 10% faster, 2 rounds 3× slower (a candidate that triggers long collections): the trimmed mean
        // sees the typical round, the geometric mean of every round is well below 1.
        double[] baseline = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
        double[] candidate = [90, 91, 300, 90, 89, 91, 90, 300, 92, 90];

        var timing = PairedTiming.Compare(baseline, candidate);

        Assert.IsGreaterThan(1.0, timing.Interval.Low);
        Assert.IsLessThan(1.0, timing.GeometricMeanSpeedup);
        Assert.AreEqual(TimingVerdict.Inconclusive, timing.Verdict);
        StringAssert.Contains(timing.Describe(), "slow rounds cancel the gain");
    }

    [TestMethod]
    public void Compare_ArgumentOrder_SpeedupIsBaselineOverCandidate()
    {
        double[] fast = [50, 51, 49, 50, 50];
        double[] slow = [100, 101, 99, 100, 101];

        Assert.AreEqual(2.0, PairedTiming.Compare(slow, fast).Speedup, 0.02);
        Assert.AreEqual(0.5, PairedTiming.Compare(fast, slow).Speedup, 0.005);
    }

    [TestMethod]
    [DataRow(new double[] { 100, 100 }, new double[] { 90, 90 }, "at least 3 rounds")]
    [DataRow(new double[] { 100, 100, 100 }, new double[] { 90, 90 }, "the baseline has 3 round times, the candidate 2")]
    [DataRow(new double[] { 100, 100, 100 }, new double[] { 90, 0, 90 }, "Round 2 of the candidate took 0 ns")]
    [DataRow(new double[] { 100, -5, 100 }, new double[] { 90, 90, 90 }, "Round 2 of the baseline took -5 ns")]
    [DataRow(new double[] { 100, 100, double.NaN }, new double[] { 90, 90, 90 }, "Round 3 of the baseline took NaN ns")]
    [DataRow(new double[] { 100, 100, 100 }, new double[] { double.PositiveInfinity, 90, 90 }, "positive finite")]
    public void Compare_InvalidRounds_ClearError(double[] baseline, double[] candidate, string expected)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => PairedTiming.Compare(baseline, candidate));

        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    [DataRow(1.0, 1.0, 0.2)]
    [DataRow(0.95, 0.99, 0.2)]
    [DataRow(0.95, 1.0, 0.5)]
    public void Compare_InvalidSettings_Throws(double confidence, double minSpeedup, double trim)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PairedTiming.Compare([100, 100, 100], [90, 91, 92], confidence, minSpeedup, trim));
    }

    [TestMethod]
    public void Compare_HigherConfidence_WiderInterval()
    {
        double[] baseline = [100, 104, 98, 103, 101, 99, 105, 100];
        double[] candidate = [95, 97, 96, 99, 94, 96, 98, 97];

        var at95 = PairedTiming.Compare(baseline, candidate, 0.95, trim: 0);
        var at99 = PairedTiming.Compare(baseline, candidate, 0.99, trim: 0);

        Assert.AreEqual(at95.Speedup, at99.Speedup, 1e-15);
        Assert.IsLessThan(at95.Interval.Low, at99.Interval.Low);
        Assert.IsGreaterThan(at95.Interval.High, at99.Interval.High);
        StringAssert.Contains(at99.Describe(), "at 99%");
    }
}
