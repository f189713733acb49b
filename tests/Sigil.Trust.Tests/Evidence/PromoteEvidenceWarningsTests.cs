using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Evidence;

/// <summary>Promotion shows what the evidence rule passed over, per pin, in its warnings.</summary>
[TestClass]
public sealed class PromoteEvidenceWarningsTests
{
    [TestMethod]
    public async Task RepeatedComparisons_ThePinUsesTheNewest_AndTheWarningCountsThemAndNamesTheFailingOnes()
    {
        using var fixture = TrustFixture.Create();
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, holdout: null);
        fixture.AddEvaluation(root, "RootError#compare", HoldoutMetrics.Speed(1.02, 0.96, 1.08, accepted: false));
        fixture.AddEvaluation(root, "RootError#compare", HoldoutMetrics.Speed(1.01, 0.95, 1.07, accepted: false));
        fixture.AddEvaluation(root, "RootError#compare", HoldoutMetrics.Speed(1.3, 1.15, 1.45));

        var result = await fixture.PromoteAsync();

        var pin = result.Pins.Single();
        Assert.AreEqual(1.15, result.Document.Pins[0].Evidence.Ci["speedup"].Low);
        var warning = result.Warnings.Single(w => w.Contains("comparison evaluations exist", StringComparison.Ordinal));
        StringAssert.StartsWith(warning, $"Kernels.Root(double): candidate {root.Id.Digest[..12]}: 3 comparison evaluations exist and the newest is the evidence (RootError#compare at {At(pin.EvaluatedAt)}, passes); 2 of the 2 others would fail the default policy: ");
        StringAssert.Contains(warning, "speedup_ci_low > 1 is not met (0.96)");
        StringAssert.Contains(warning, "speedup_ci_low > 1 is not met (0.95)");
    }

    [TestMethod]
    public async Task NamedCandidate_IsPromotedOnItsHoldout_AndALaterFailingComparisonIsReported()
    {
        using var fixture = TrustFixture.Create();
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        fixture.AddEvaluation(root, "RootError#compare", HoldoutMetrics.Speed(1.02, 0.96, 1.08, accepted: false));

        var result = await fixture.PromoteAsync(r => r with { Candidates = [root.Id.ToString()] });

        Assert.AreEqual("RootError#holdout", result.Pins.Single().Evaluator);
        var warning = result.Warnings.Single(w => w.Contains("takes precedence", StringComparison.Ordinal));
        StringAssert.StartsWith(warning, $"Kernels.Root(double): candidate {root.Id.Digest[..12]}: 1 comparison evaluation(s) are not used because the run's holdout evaluation takes precedence");
        StringAssert.Contains(warning, "1 of the 1 comparisons would fail the default policy");
    }

    [TestMethod]
    public async Task OneHoldout_NoComparisons_NoEvidenceWarning()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));

        var result = await fixture.PromoteAsync();

        Assert.IsFalse(result.Warnings.Any(w => w.Contains("evaluation", StringComparison.Ordinal)), string.Join("\n", result.Warnings));
    }

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
