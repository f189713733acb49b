using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class LatencyQuantilesTests
{
    [TestMethod]
    public void Of_TenValuesUnsorted_HyndmanFanType7ByHand()
    {
        // 10, 20, …, 100: h = 9p, so p50 = 50 + 0.5·10 = 55, p90 = 90 + 0.1·10 = 91, p99 = 90 + 0.91·10 = 99.1
        // (R quantile(type = 7), numpy.percentile).
        double[] latencies = [70, 10, 100, 40, 20, 90, 30, 60, 80, 50];

        var q = LatencyQuantiles.Of(latencies);

        Assert.AreEqual(10, q.Count);
        Assert.AreEqual(55, q.Mean, 1e-12);
        Assert.AreEqual(55, q.P50, 1e-12);
        Assert.AreEqual(91, q.P90, 1e-12);
        Assert.AreEqual(99.1, q.P99, 1e-12);
        Assert.AreEqual(10, q.Min);
        Assert.AreEqual(100, q.Max);
    }

    [TestMethod]
    public void Of_OneValue_IsEveryQuantile()
    {
        var q = LatencyQuantiles.Of([42.0]);

        Assert.AreEqual(42, q.P50);
        Assert.AreEqual(42, q.P90);
        Assert.AreEqual(42, q.P99);
        Assert.AreEqual(42, q.Mean);
    }

    [TestMethod]
    public void Quantile_Extremes_AreMinimumAndMaximum()
    {
        double[] sorted = [1, 2, 4, 8];

        Assert.AreEqual(1, LatencyQuantiles.Quantile(sorted, 0));
        Assert.AreEqual(8, LatencyQuantiles.Quantile(sorted, 1));
        Assert.AreEqual(3, LatencyQuantiles.Quantile(sorted, 0.5));
    }

    [TestMethod]
    public void Of_HeavyTail_P99SeesItMeanMovesMedianDoesNot()
    {
        var latencies = Enumerable.Repeat(100.0, 990).Concat(Enumerable.Repeat(10_000.0, 10)).ToArray();

        var q = LatencyQuantiles.Of(latencies);

        Assert.AreEqual(100, q.P50);
        Assert.AreEqual(100, q.P90);
        Assert.AreEqual(199, q.Mean, 1e-9);
        // h = 999·0.99 = 989.01: between the last 100 (index 989) and the first 10,000 (index 990).
        Assert.AreEqual(100 + 0.01 * 9_900, q.P99, 1e-6);
    }

    [TestMethod]
    [DataRow(new double[0], "no call")]
    [DataRow(new double[] { 5, -1 }, "Latency 2 is -1 ns")]
    [DataRow(new double[] { double.NaN }, "finite")]
    public void Of_InvalidLatencies_ClearError(double[] latencies, string expected)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => LatencyQuantiles.Of(latencies));

        StringAssert.Contains(error.Message, expected);
    }
}
