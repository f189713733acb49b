using Sigil.Manifests.Model;
using Sigil.Trust.Errors;
using Sigil.Trust.Policy;

namespace Sigil.Trust.Tests.Policy;

[TestClass]
public sealed class PolicyClauseTests
{
    [TestMethod]
    [DataRow("speedup_ci_low>1", "speedup_ci_low", ">", 1.0)]
    [DataRow("  p99_ns <= 120000 ", "p99_ns", "<=", 120000.0)]
    [DataRow("score_delta>=-2e-4", "score_delta", ">=", -0.0002)]
    [DataRow("correct==1", "correct", "==", 1.0)]
    [DataRow("errors.System.Exception<1", "errors.System.Exception", "<", 1.0)]
    public void Parse_ReadsMetricOperatorAndValue(string text, string metric, string op, double value) =>
        Assert.AreEqual(new PolicyClause(metric, op, value), PolicyClause.Parse(text));

    [TestMethod]
    [DataRow("")]
    [DataRow("speedup")]
    [DataRow("speedup >> 1")]
    [DataRow("speedup != 1")]
    [DataRow("speedup > fast")]
    [DataRow("> 1")]
    [DataRow("speedup > 1e999")]
    public void Parse_RefusesWhatIsNotAClause(string text)
    {
        var error = Assert.ThrowsExactly<TrustException>(() => PolicyClause.Parse(text));
        Assert.AreEqual(TrustErrorCodes.InvalidRequest, error.Code);
        StringAssert.Contains(error.Message, "speedup_ci_low>1");
    }

    [TestMethod]
    public void ToString_IsReadable() => Assert.AreEqual("p99_ns <= 120000", PolicyClause.Parse("p99_ns<=120000").ToString());

    [TestMethod]
    public void Defaults_DependOnTheObjective()
    {
        CollectionAssert.AreEqual(new[] { "correct == 1", "speedup_ci_low > 1" },
            PromotionPolicy.DefaultConstraints(PromotionObjective.Speed).Select(c => c.ToString()).ToArray());
        CollectionAssert.AreEqual(new[] { "correct == 1", "score_delta_ci_low > 0" },
            PromotionPolicy.DefaultConstraints(PromotionObjective.Score).Select(c => c.ToString()).ToArray());
    }

    [TestMethod]
    public void NonInferiority_DefaultsToTheScoreWhenEveryPinHasItsInterval()
    {
        var withScore = new PinEvidence(10, new Dictionary<string, ConfidenceInterval> { ["score_delta"] = new(0, 0) });
        var without = new PinEvidence(10, new Dictionary<string, ConfidenceInterval>());

        Assert.AreEqual(new NonInferiorityRule("score_delta", 0), PromotionPolicy.Build(PromotionObjective.Speed, null, null, [withScore]).NonInferiority);
        Assert.IsNull(PromotionPolicy.Build(PromotionObjective.Speed, null, null, [withScore, without]).NonInferiority);
        Assert.IsNull(PromotionPolicy.Build(PromotionObjective.Speed, null, "none", [withScore]).NonInferiority);
        Assert.AreEqual(new NonInferiorityRule("score_delta", -0.001), PromotionPolicy.Build(PromotionObjective.Speed, null, "score_delta>=-0.001", [without]).NonInferiority);
        Assert.ThrowsExactly<TrustException>(() => PromotionPolicy.Build(PromotionObjective.Speed, null, "score_delta>0", [withScore]));
        Assert.ThrowsExactly<TrustException>(() => PromotionPolicy.Build(PromotionObjective.Speed, ["p99_ns<1", "p99_ns<2"], null, [withScore]));
    }

    [TestMethod]
    public void Check_NamesTheFirstUnmetClause_InTheVerifiersOrder()
    {
        var policy = PromotionPolicy.Build(PromotionObjective.Speed, ["p99_ns<=100"], "score_delta>=-0.01", []);
        var evidence = new PinEvidence(10, new Dictionary<string, ConfidenceInterval> { ["score_delta"] = new(-0.02, 0.01) });
        var metrics = new Dictionary<string, double> { ["correct"] = 1, ["p99_ns"] = 100, ["speedup_ci_low"] = 1.0000001 };

        Assert.AreEqual("non-inferiority score_delta >= -0.01 is not met (the interval's lower bound is -0.02)", PolicyCheck.FirstUnmet(policy, metrics, evidence));
        metrics["speedup_ci_low"] = 1;
        Assert.AreEqual("speedup_ci_low > 1 is not met (1)", PolicyCheck.FirstUnmet(policy, metrics, evidence));
        metrics["correct"] = 0;
        Assert.AreEqual("correct == 1 is not met (0)", PolicyCheck.FirstUnmet(policy, metrics, evidence));
        metrics["correct"] = 1;
        metrics["speedup_ci_low"] = 0.99999999;
        Assert.AreEqual("speedup_ci_low > 1 is not met (0.99999999)", PolicyCheck.FirstUnmet(policy, metrics, evidence));
    }
}
