using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class AcceptanceRuleTests
{
    private static readonly double[] BaselineRounds = [100, 104, 98, 103, 101, 99, 105, 100, 102, 97];
    private static readonly double[] FasterRounds = BaselineRounds.Select((b, i) => b / (1.2 + 0.01 * (i % 3))).ToArray();
    private static readonly double[] NoisyEqualRounds = [103, 100, 101, 100, 98, 101, 103, 102, 99, 99];

    [TestMethod]
    public void Decide_CorrectAndFaster_AcceptedWithSupport()
    {
        var decision = AcceptanceRule.Decide(Evidence(FasterRounds));

        Assert.IsTrue(decision.Accepted);
        Assert.IsNull(decision.FailureKind);
        Assert.AreEqual(TimingVerdict.Faster, decision.Timing!.Verdict);
        StringAssert.StartsWith(decision.Reason, "accepted: all 3 samples correct, no error the baseline did not have; speedup 1.2");
        StringAssert.Contains(decision.Reason, "faster");
    }

    [TestMethod]
    public void Decide_NoisyEqualTiming_RejectedWithIntervalInWords()
    {
        var decision = AcceptanceRule.Decide(Evidence(NoisyEqualRounds));

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.NotImproved, decision.FailureKind);
        StringAssert.Matches(decision.Reason, new System.Text.RegularExpressions.Regex(@"^speedup \d\.\d+× \[\d\.\d+, \d\.\d+\] does not exclude 1\.00 at 95%$"));
    }

    [TestMethod]
    public void Decide_OneWrongResult_RejectedEvenWhenFaster()
    {
        var decision = AcceptanceRule.Decide(Evidence(FasterRounds) with { Correct = [true, false, true] });

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.WrongResult, decision.FailureKind);
        Assert.AreEqual("1 of 3 samples gave a result different from the baseline's", decision.Reason);
        Assert.IsNotNull(decision.Timing);
    }

    [TestMethod]
    public void Decide_NewExceptionType_Rejected()
    {
        var evidence = Evidence(FasterRounds) with
        {
            BaselineErrors = new ErrorTaxonomy(new Dictionary<string, long> { ["System.FormatException"] = 1 }),
            CandidateErrors = new ErrorTaxonomy(new Dictionary<string, long> { ["System.FormatException"] = 1, ["System.IndexOutOfRangeException"] = 2 }),
        };

        var decision = AcceptanceRule.Decide(evidence);

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.Exception, decision.FailureKind);
        Assert.AreEqual("the candidate throws where the baseline does not: System.IndexOutOfRangeException ×2 (baseline ×0)", decision.Reason);
    }

    [TestMethod]
    public void Decide_SameExceptionsAsBaseline_Accepted()
    {
        var thrown = new ErrorTaxonomy(new Dictionary<string, long> { ["System.FormatException"] = 1 });

        var decision = AcceptanceRule.Decide(Evidence(FasterRounds) with { BaselineErrors = thrown, CandidateErrors = thrown });

        Assert.IsTrue(decision.Accepted);
    }

    [TestMethod]
    [DataRow(0, 1, 0, 0, FailureKinds.CompileError, "the candidate does not compile (1 error)")]
    [DataRow(0, 0, 2, 0, FailureKinds.PolicyViolation, "the candidate uses forbidden APIs (2 policy violations)")]
    [DataRow(0, 0, 0, 1, FailureKinds.Crash, "the worker died running the candidate (1 crash)")]
    [DataRow(3, 0, 0, 0, FailureKinds.Timeout, "the candidate ran past its time limit (3 timeouts)")]
    public void Decide_ErrorClassWithoutTiming_RejectedWithoutThrowing(int timeouts, int compileErrors, int policyViolations, int crashes, string kind, string reason)
    {
        var evidence = new AcceptanceEvidence
        {
            Correct = [],
            CandidateErrors = new ErrorTaxonomy(timeouts: timeouts, compileErrors: compileErrors, policyViolations: policyViolations, crashes: crashes),
            BaselineRoundNs = [100, 100],
            CandidateRoundNs = [0, 50],
        };

        var decision = AcceptanceRule.Decide(evidence);

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(kind, decision.FailureKind);
        Assert.AreEqual(reason, decision.Reason);
        Assert.IsNull(decision.Timing);
        Assert.HasCount(1, decision.Reasons);
    }

    [TestMethod]
    public void Decide_NothingRan_Rejected()
    {
        var decision = AcceptanceRule.Decide(new AcceptanceEvidence { Correct = [] });

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.NoSamples, decision.FailureKind);
    }

    [TestMethod]
    public void Decide_GatePassedButRoundsInvalid_ThrowsBecauseTheWorkerIsWrong()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => AcceptanceRule.Decide(Evidence([100, 100])));

        StringAssert.Contains(error.Message, "at least 3 rounds");
    }

    [TestMethod]
    public void Decide_FasterButScoreWorse_RejectedAsScoreRegression()
    {
        var evidence = Evidence(FasterRounds) with { BaselineScores = [0.9, 0.8, 0.7], CandidateScores = [0.5, 0.4, 0.35] };

        var decision = AcceptanceRule.Decide(evidence);

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.ScoreRegression, decision.FailureKind);
        StringAssert.Contains(decision.Reason, "score delta -0.383");
    }

    [TestMethod]
    public void Decide_FasterWithEqualScores_Accepted()
    {
        var evidence = Evidence(FasterRounds) with { BaselineScores = [0.9, 0.8, 0.7], CandidateScores = [0.9, 0.8, 0.7] };

        var decision = AcceptanceRule.Decide(evidence);

        Assert.IsTrue(decision.Accepted);
        Assert.HasCount(3, decision.Reasons);
    }

    [TestMethod]
    public void Decide_ScoreObjectiveImproved_AcceptedEvenWithoutTiming()
    {
        var evidence = new AcceptanceEvidence
        {
            Correct = [true, true, true, true],
            BaselineScores = [0.50, 0.60, 0.70, 0.80],
            CandidateScores = [0.61, 0.70, 0.82, 0.90],
        };

        var decision = AcceptanceRule.Decide(evidence, new AcceptanceCriteria { Objective = Objective.Score, MinScoreDelta = 0.05 });

        Assert.IsTrue(decision.Accepted, decision.Reason);
        Assert.IsNull(decision.Timing);
        Assert.AreEqual(0.1075, decision.Scores!.MeanDelta, 1e-12);
    }

    [TestMethod]
    public void Decide_ScoreObjectiveGainNotSupported_Rejected()
    {
        var evidence = new AcceptanceEvidence
        {
            Correct = [true, true, true, true],
            BaselineScores = [0.50, 0.60, 0.70, 0.80],
            CandidateScores = [0.70, 0.55, 0.72, 0.75],
        };

        var decision = AcceptanceRule.Decide(evidence, new AcceptanceCriteria { Objective = Objective.Score });

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.NotImproved, decision.FailureKind);
        StringAssert.Contains(decision.Reason, "does not exclude +0.000 at 95%");
    }

    [TestMethod]
    public void Decide_CandidateEvalMissingScores_RejectedAsEvalError()
    {
        var evidence = new AcceptanceEvidence
        {
            Correct = [true, true, true],
            BaselineScores = [0.5, 0.6, 0.7],
            CandidateScores = [0.9, null, 0.9],
        };

        var decision = AcceptanceRule.Decide(evidence, new AcceptanceCriteria { Objective = Objective.Score });

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.EvalError, decision.FailureKind);
        StringAssert.Contains(decision.Reason, "on 1 samples the baseline scored");
    }

    [TestMethod]
    public void Decide_ScoreObjectiveWithoutScores_Rejected()
    {
        var decision = AcceptanceRule.Decide(Evidence(FasterRounds), new AcceptanceCriteria { Objective = Objective.Score });

        Assert.IsFalse(decision.Accepted);
        Assert.AreEqual(FailureKinds.EvalError, decision.FailureKind);
        Assert.IsNotNull(decision.Timing);
    }

    private static AcceptanceEvidence Evidence(double[] candidateRounds) => new()
    {
        Correct = [true, true, true],
        BaselineRoundNs = BaselineRounds[..candidateRounds.Length],
        CandidateRoundNs = candidateRounds,
    };
}
