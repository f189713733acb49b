using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class StudentTTests
{
    [TestMethod]
    [DataRow(0.975)]
    [DataRow(0.9)]
    [DataRow(0.6)]
    [DataRow(0.025)]
    public void Quantile_OneDegreeOfFreedom_IsTheCauchyQuantile(double p)
    {
        Assert.AreEqual(Math.Tan(Math.PI * (p - 0.5)), StudentT.Quantile(p, 1), 1e-9 * Math.Max(1, Math.Abs(Math.Tan(Math.PI * (p - 0.5)))));
    }

    [TestMethod]
    [DataRow(0.975)]
    [DataRow(0.995)]
    [DataRow(0.3)]
    public void Quantile_TwoDegreesOfFreedom_MatchesClosedForm(double p)
    {
        // For ν = 2: t_p = (2p − 1) √(2 / (4p(1 − p))).
        var expected = (2 * p - 1) * Math.Sqrt(2 / (4 * p * (1 - p)));

        Assert.AreEqual(expected, StudentT.Quantile(p, 2), 1e-10);
    }

    [TestMethod]
    [DataRow(0.975, 5, 2.5706)]
    [DataRow(0.975, 9, 2.2622)]
    [DataRow(0.975, 23, 2.0687)]
    [DataRow(0.975, 29, 2.0452)]
    [DataRow(0.95, 10, 1.8125)]
    [DataRow(0.995, 5, 4.0321)]
    [DataRow(0.975, 1000, 1.9623)]
    public void Quantile_PrintedTable_MatchesToFourDecimals(double p, int degrees, double table)
    {
        Assert.AreEqual(table, StudentT.Quantile(p, degrees), 0.00006);
        Assert.AreEqual(-table, StudentT.Quantile(1 - p, degrees), 0.00006);
    }

    [TestMethod]
    [DataRow(2.0)]
    [DataRow(-1.5)]
    [DataRow(0.0)]
    public void Cdf_TwoDegreesOfFreedom_MatchesClosedForm(double t)
    {
        Assert.AreEqual(0.5 + t / (2 * Math.Sqrt(2 + t * t)), StudentT.Cdf(t, 2), 1e-12);
    }

    [TestMethod]
    public void Quantile_ThenCdf_RoundTrips()
    {
        foreach (var degrees in new[] { 1.0, 2.5, 7, 40, 300 })
        {
            foreach (var p in new[] { 0.001, 0.05, 0.5, 0.8, 0.999 })
            {
                Assert.AreEqual(p, StudentT.Cdf(StudentT.Quantile(p, degrees), degrees), 1e-10, $"ν = {degrees}, p = {p}");
            }
        }
    }

    [TestMethod]
    [DataRow(0.0, 5.0)]
    [DataRow(1.0, 5.0)]
    [DataRow(0.5, 0.0)]
    public void Quantile_OutOfRange_Throws(double p, double degrees)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, degrees));
    }
}
