using Sigil.Trust.Errors;
using Sigil.Trust.Policy;
using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Promotion;

[TestClass]
public sealed class PromoteObjectiveTests
{
    [TestMethod]
    public async Task ScoreObjective_PromotesAScoreGainThatIsNotFaster_WhichTheSpeedDefaultRefuses()
    {
        using var fixture = TrustFixture.Create();
        var better = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(0.99, 0.95, 1.03, scoreDelta: 0.02));
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FasterRoot, HoldoutMetrics.Speed(0.99, 0.95, 1.03, scoreDelta: 0.01));

        var speed = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync());
        StringAssert.StartsWith(speed.Message, "Kernels.Root(double): speedup_ci_low > 1 is not met (0.95);");

        var result = await fixture.PromoteAsync(r => r with { Objective = PromotionObjective.Score });

        Assert.AreEqual(better.Id, result.Pins.Single().Candidate);
        Assert.AreEqual(">", result.Document.Policy.Constraints["score_delta_ci_low"].Op);
        Assert.IsFalse(result.Document.Policy.Constraints.ContainsKey("speedup_ci_low"));
        Assert.IsTrue(fixture.Verify(result.ManifestPath).Valid);
    }

    [TestMethod]
    public async Task Codebase_NamesTheRemote_AndExpiryFollowsTheRequest()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        fixture.RunGit("remote", "add", "origin", "https://example.test/quickstart.git");

        var result = await fixture.PromoteAsync(r => r with { Expiry = TimeSpan.FromDays(7) });

        Assert.AreEqual("https://example.test/quickstart.git", result.Document.Codebase.Repo);
        Assert.AreEqual(result.Document.CreatedAt.AddDays(7), result.Document.ExpiresAt);
        var invalid = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Expiry = TimeSpan.Zero, Force = true }));
        Assert.AreEqual(TrustErrorCodes.InvalidRequest, invalid.Code);
    }

    [TestMethod]
    public async Task UncommittedChanges_AndABuildOfOtherCode_AreWarnedAbout()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        File.AppendAllText(Path.Combine(fixture.ProjectDirectory, "Program.cs"), "// wip\n");
        Directory.Delete(Path.Combine(fixture.ProjectDirectory, "bin"), recursive: true);
        var other = Path.Combine(fixture.ProjectDirectory, "bin", "Debug", "net10.0", "QuickStart.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.Copy(typeof(PromoteObjectiveTests).Assembly.Location, other);

        var result = await fixture.PromoteAsync();

        Assert.AreEqual(2, result.Warnings.Count, string.Join("\n", result.Warnings));
        StringAssert.Contains(result.Warnings[0], "uncommitted changes");
        StringAssert.StartsWith(result.Warnings[1], "Kernels.Root(double): the current build");
    }
}
