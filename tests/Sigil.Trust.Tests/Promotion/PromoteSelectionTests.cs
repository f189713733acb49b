using Sigil.Core.Identity;
using Sigil.Trust.Errors;
using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Promotion;

[TestClass]
public sealed class PromoteSelectionTests
{
    [TestMethod]
    public async Task Default_PicksPerPinTheBestAcceptedCandidate_AndLeavesOutPinsWithoutEvidence()
    {
        using var fixture = TrustFixture.Create();
        var accepted = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FasterRoot, HoldoutMetrics.Speed(1.9, 0.95, 2.8, accepted: false));
        fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum, holdout: null);

        var result = await fixture.PromoteAsync();

        Assert.AreEqual(1, result.Pins.Count);
        Assert.AreEqual(accepted.Id, result.Pins[0].Candidate);
        Assert.AreEqual(1, result.Warnings.Count);
        StringAssert.StartsWith(result.Warnings[0], "Kernels.SumOfSquares(int[]): no candidate has accepted holdout or comparison evidence");
        StringAssert.Contains(result.Warnings[0], "1 candidate has no holdout or comparison evidence yet; run 'sigil compare");
        Assert.IsFalse(result.Warnings[0].Contains("holdout rejected", StringComparison.Ordinal), result.Warnings[0]);
    }

    [TestMethod]
    public async Task Default_AComparisonAfterAFailedHoldout_DoesNotOverturnIt()
    {
        using var fixture = TrustFixture.Create();
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.1, 0.98, 1.3, accepted: false));
        fixture.AddEvaluation(root, "RootError#compare", HoldoutMetrics.Speed(1.3, 1.15, 1.45));

        var refusal = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync());

        Assert.AreEqual(TrustErrorCodes.NoEvidence, refusal.Code);
        StringAssert.Contains(refusal.Message, $"candidate {root.Id.Digest[..12]} passes 1 comparison(s), but its run's holdout evaluation was not accepted and comparisons never overturn a holdout");
        StringAssert.Contains(refusal.Message, "Kernels.Root(double): the holdout rejected its measured candidate, which comparisons never overturn; track more calls and run again");
        Assert.IsFalse(refusal.Message.Contains("run 'sigil compare", StringComparison.Ordinal), "comparing again cannot help: " + refusal.Message);
    }

    [TestMethod]
    public async Task NamedCandidates_ByPrefix_AreUsedWhateverTheirVerdict_ButMustMeetThePolicy()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var second = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FasterRoot, HoldoutMetrics.Speed(1.3, 1.1, 1.5, accepted: false));

        var result = await fixture.PromoteAsync(r => r with { Candidates = [second.Id.Digest[..10]] });

        Assert.AreEqual(second.Id, result.Pins.Single().Candidate);
    }

    [TestMethod]
    public async Task NamedCandidates_MustBelongToTheWorkspace_HaveEvidence_AndBeOnePerFunction()
    {
        using var fixture = TrustFixture.Create();
        var a = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var b = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FasterRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var other = fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum, HoldoutMetrics.Speed(1.4, 1.2, 1.6), workspace: "v2");
        var unmeasured = fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum.Replace("total", "sum"), holdout: null);
        var before = fixture.Snapshot();

        var twice = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Candidates = [a.Id.ToString(), b.Id.Digest[..8]] }));
        var elsewhere = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Candidates = [other.Id.ToString()] }));
        var missing = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Candidates = ["abcdef0123"] }));
        var noEvidence = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Candidates = [unmeasured.Id.ToString()] }));

        Assert.AreEqual(TrustErrorCodes.DuplicatePin, twice.Code);
        Assert.AreEqual(TrustErrorCodes.CandidateNotFound, elsewhere.Code);
        StringAssert.Contains(elsewhere.Message, "'quickstart/v2'");
        Assert.AreEqual(TrustErrorCodes.CandidateNotFound, missing.Code);
        Assert.AreEqual(TrustErrorCodes.NoEvidence, noEvidence.Code);
        StringAssert.Contains(noEvidence.Message, $"sigil compare quickstart v1 {unmeasured.Id.Digest[..12]}");
        Assert.AreEqual(before, fixture.Snapshot());
    }

    [TestMethod]
    public async Task NothingToPromote_IsRefused_WithoutCreatingAWorkspace()
    {
        using var fixture = TrustFixture.Create();
        var before = fixture.Snapshot();

        var noWorkspace = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync());

        Assert.AreEqual(TrustErrorCodes.NoCandidates, noWorkspace.Code);
        Assert.AreEqual(before, fixture.Snapshot());
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, holdout: null);
        var noEvidence = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync());
        Assert.AreEqual(TrustErrorCodes.NoEvidence, noEvidence.Code);
        var emptyWorkspace = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Workspace = "v9" }));
        Assert.AreEqual(TrustErrorCodes.NoCandidates, emptyWorkspace.Code);
    }

    [TestMethod]
    public async Task OutsideGit_TheCommitIsZeros_AndAWarningSaysSo()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        Directory.Delete(Path.Combine(fixture.RepositoryRoot, ".git"), recursive: true);

        var result = await fixture.PromoteAsync(r => r with { Author = "release@example.test" });

        Assert.AreEqual(FunctionId.NoCommit, result.Document.Codebase.Commit);
        Assert.AreEqual("app", result.Document.Codebase.Repo);
        Assert.AreEqual("release@example.test", result.Document.Author);
        StringAssert.Contains(result.Warnings.Single(), "not in a git repository");
        Assert.IsTrue(fixture.Verify(result.ManifestPath).Valid);
    }
}
