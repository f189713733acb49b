using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class LocationEstimateTests
{
    [TestMethod]
    public void Of_StudentSleepData_MatchesThePairedTTest()
    {
        // Cushny & Peebles via Student (1908): extra sleep, drug 2 − drug 1. R's t.test(paired = TRUE): mean 1.58,
        // t = 4.0621, df = 9, 95% CI [0.7001142, 2.4598858].
        double[] differences = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4];

        var estimate = LocationEstimate.Of(differences, trim: 0, level: 0.95);

        Assert.AreEqual(1.58, estimate.Mean, 1e-12);
        Assert.AreEqual(9, estimate.DegreesOfFreedom);
        Assert.AreEqual(4.0621, estimate.Mean / estimate.StandardError, 0.0001);
        Assert.AreEqual(0.7001142, estimate.Interval.Low, 1e-6);
        Assert.AreEqual(2.4598858, estimate.Interval.High, 1e-6);
    }

    [TestMethod]
    public void Of_TwentyPercentTrim_MatchesYuenByHand()
    {
        // n = 10, g = 2, h = 6: trimmed mean (3+4+5+6+7+8)/6 = 5.5; winsorized sample 3,3,3,4,5,6,7,8,8,8 has
        // Σ(x − 5.5)² = 42.5, so SE = √(42.5 / (6·5)) = 1.1902381 and t(0.975, 5) = 2.5705818.
        double[] values = [100, 1, 2, 3, 4, 5, 6, 7, 8, 9];

        var estimate = LocationEstimate.Of(values, trim: 0.2, level: 0.95);

        Assert.AreEqual(5.5, estimate.Mean, 1e-12);
        Assert.AreEqual(1.1902380714238083, estimate.StandardError, 1e-12);
        Assert.AreEqual(5, estimate.DegreesOfFreedom);
        Assert.AreEqual(5.5 - 2.5705818 * 1.1902381, estimate.Interval.Low, 1e-6);
        Assert.AreEqual(5.5 + 2.5705818 * 1.1902381, estimate.Interval.High, 1e-6);
    }

    [TestMethod]
    public void Of_AllEqual_ZeroWidthInterval()
    {
        var estimate = LocationEstimate.Of([0.25, 0.25, 0.25, 0.25], trim: 0, level: 0.95);

        Assert.AreEqual(0.25, estimate.Interval.Low);
        Assert.AreEqual(0.25, estimate.Interval.High);
    }

    [TestMethod]
    public void Of_TooFewAfterTrimming_Throws()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => LocationEstimate.Of([1.0], trim: 0, level: 0.95));

        StringAssert.Contains(error.Message, "at least 2");
    }
}
