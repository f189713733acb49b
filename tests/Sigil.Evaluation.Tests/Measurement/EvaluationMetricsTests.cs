using Sigil.Evaluation.Measurement;

namespace Sigil.Evaluation.Tests.Measurement;

[TestClass]
public sealed class EvaluationMetricsTests
{
    [TestMethod]
    public void ToDictionary_EveryPart_StableSnakeCaseNames()
    {
        var timing = PairedTiming.Compare([110, 121, 100], [100, 110, 100], trim: 0);
        var metrics = new EvaluationMetrics
        {
            Timing = timing,
            Scores = ScoreComparison.Compare([1.0, 2.0, 3.0], [1.5, 2.5, 3.0]),
            CandidateLatency = LatencyQuantiles.Of([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
            BaselineLatency = LatencyQuantiles.Of([20.0]),
            CandidateErrors = new ErrorTaxonomy(new Dictionary<string, long> { ["System.FormatException"] = 2 }, timeouts: 1),
            Resources = new ResourceUsage(AllocatedBytesPerCall: 24, CpuNsPerCall: 950, PeakMemoryBytes: 50_000_000),
            Samples = 3,
            CorrectSamples = 3,
            Accepted = false,
        }.ToDictionary();

        string[] expected =
        [
            "accepted", "allocated_bytes", "baseline_calls", "baseline_mean_ns", "baseline_p50_ns", "baseline_p90_ns", "baseline_p99_ns",
            "baseline_round_ns", "baseline_score_mean", "calls", "candidate_round_ns", "compile_errors", "confidence", "correct_samples",
            "cpu_ns", "crashes", "errors.System.FormatException", "exceptions", "mean_ns", "min_speedup", "p50_ns", "p90_ns", "p99_ns",
            "peak_memory_bytes", "policy_violations", "rounds", "samples", "score_delta", "score_delta_ci_high", "score_delta_ci_low",
            "score_mean", "score_missing", "score_pairs", "speedup", "speedup_ci_high", "speedup_ci_low", "speedup_geomean",
            "speedup_verdict", "timeouts",
        ];
        CollectionAssert.AreEqual(expected, metrics.Keys.ToArray());
        Assert.AreEqual(timing.Speedup, metrics["speedup"]);
        Assert.AreEqual(0.9294563671222503, metrics["speedup_ci_low"], 1e-9);
        Assert.AreEqual(1.221690621710112, metrics["speedup_ci_high"], 1e-9);
        Assert.AreEqual(0, metrics["speedup_verdict"]);
        Assert.AreEqual(55, metrics["p50_ns"], 1e-12);
        Assert.AreEqual(91, metrics["p90_ns"], 1e-12);
        Assert.AreEqual(99.1, metrics["p99_ns"], 1e-12);
        Assert.AreEqual(20, metrics["baseline_p99_ns"]);
        Assert.AreEqual(2.333333333, metrics["score_mean"], 1e-9);
        Assert.AreEqual(1.0 / 3, metrics["score_delta"], 1e-12);
        Assert.AreEqual(2, metrics["errors.System.FormatException"]);
        Assert.AreEqual(1, metrics["timeouts"]);
        Assert.AreEqual(24, metrics["allocated_bytes"]);
        Assert.AreEqual(950, metrics["cpu_ns"]);
        Assert.AreEqual(50_000_000, metrics["peak_memory_bytes"]);
        Assert.AreEqual(0, metrics["accepted"]);
        Assert.IsTrue(metrics.Values.All(v => !double.IsNaN(v)));
    }

    [TestMethod]
    public void ToDictionary_NothingMeasured_Empty()
    {
        Assert.IsEmpty(new EvaluationMetrics().ToDictionary());
    }

    [TestMethod]
    public void ToDictionary_ScoresWithoutPairs_NoNaN()
    {
        var metrics = new EvaluationMetrics { Scores = ScoreComparison.Compare([null, 1.0], [2.0, null]) }.ToDictionary();

        Assert.AreEqual(0, metrics["score_pairs"]);
        Assert.AreEqual(1, metrics["score_missing"]);
        Assert.IsFalse(metrics.ContainsKey("score_mean"));
        Assert.IsTrue(metrics.Values.All(v => !double.IsNaN(v)));
    }

    [TestMethod]
    public void ToDictionary_VeryLongExceptionName_KeepsItsEndWithinTheLimit()
    {
        var type = "Ns." + new string('N', 300) + ".VeryBadException";

        var name = new EvaluationMetrics { CandidateErrors = new ErrorTaxonomy(new Dictionary<string, long> { [type] = 1 }) }
            .ToDictionary().Keys.Single(k => k.StartsWith("errors.", StringComparison.Ordinal));

        Assert.AreEqual(EvaluationMetrics.MaxNameLength, name.Length);
        StringAssert.EndsWith(name, "NNN.VeryBadException");
    }

    [TestMethod]
    public void From_Decision_CarriesTimingErrorsSamplesAndVerdict()
    {
        var evidence = new AcceptanceEvidence
        {
            Correct = [true, false],
            BaselineRoundNs = [100, 101, 99],
            CandidateRoundNs = [80, 81, 79],
        };
        var decision = AcceptanceRule.Decide(evidence);

        var metrics = EvaluationMetrics.From(evidence, decision).ToDictionary();

        Assert.AreEqual(2, metrics["samples"]);
        Assert.AreEqual(1, metrics["correct_samples"]);
        Assert.AreEqual(0, metrics["accepted"]);
        Assert.AreEqual(decision.Timing!.Speedup, metrics["speedup"]);
        Assert.AreEqual(0, metrics["exceptions"]);
    }
}
