using System.Reflection;
using Sigil.Evaluation.Measurement;
using Sigil.Runs.Inspection;
using Sigil.Trust.Evidence;
using Sigil.Workspace.Model;

namespace Sigil.Trust.Tests.Promotion;

[TestClass]
public sealed class EvidenceNamesTests
{
    [TestMethod]
    public void MirroredNames_AreTheOnesRunsStore()
    {
        var stored = typeof(MetricNames).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        var mirrored = typeof(EvidenceMetrics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Suffix", StringComparison.Ordinal) && f.Name != nameof(EvidenceMetrics.Correct))
            .ToList();

        Assert.IsGreaterThanOrEqualTo(10, mirrored.Count);
        foreach (var field in mirrored)
        {
            Assert.Contains((string)field.GetValue(null)!, stored, $"EvidenceMetrics.{field.Name} is not a name runs store");
        }
        Assert.DoesNotContain(EvidenceMetrics.Correct, stored, "the derived metric must not shadow a stored one");
        Assert.AreEqual(EvidenceMetrics.CompareSuffix, typeof(CompareService).GetField(nameof(CompareService.CompareSuffix))!.GetValue(null));
    }

    [TestMethod]
    public void HoldoutSuffix_IsTheOneRunsStore()
    {
        var evaluator = typeof(CompareService).Assembly.GetType("Sigil.Runs.Evaluation.PinEvaluator", throwOnError: true)!;
        Assert.AreEqual(EvidenceMetrics.HoldoutSuffix, evaluator.GetField("HoldoutSuffix")!.GetValue(null));
    }

    [TestMethod]
    public void Selector_IgnoresVisibleEvaluations_AndPrefersTheHoldoutOnATie()
    {
        var at = new DateTimeOffset(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);
        var id = new Sigil.Core.Identity.CandidateId(new string('c', 64));
        EvaluationRecord Evaluation(string name, double low, DateTimeOffset time) => EvaluationRecord.Create(id, name, "1", "b3:x",
            new Dictionary<string, double> { ["speedup_ci_low"] = low, ["speedup_ci_high"] = 2, ["rounds"] = 10, ["samples"] = 3, ["correct_samples"] = 3 }, true, null, time);

        Assert.IsNull(EvidenceSelector.Select([Evaluation("RootError", 1.5, at)]));
        var tie = EvidenceSelector.Select([Evaluation("RootError#holdout", 1.1, at), Evaluation("RootError#compare", 1.2, at), Evaluation("RootError", 3, at.AddDays(1))]);
        Assert.AreEqual("RootError#holdout", tie?.Evaluation.Evaluator);
        Assert.AreEqual(30L, tie?.Evidence.NTrials);
        Assert.AreEqual(1.0, tie?.Metrics["correct"]);
        var later = EvidenceSelector.Select([Evaluation("RootError#holdout", 1.1, at), Evaluation("RootError#compare", 1.2, at.AddSeconds(1))]);
        Assert.AreEqual("RootError#holdout", later?.Evaluation.Evaluator, "a later comparison never replaces the holdout (decision 0007 addendum)");
    }
}
