using Sigil.Manifests.Keys;
using Sigil.Trust.Errors;
using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Promotion;

[TestClass]
public sealed class PromoteRefusalTests
{
    [TestMethod]
    public async Task UnmetDefaultClause_IsNamedWithTheMeasuredValue_AndNothingIsWritten()
    {
        using var fixture = TrustFixture.Create();
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.02, 0.987, 1.05, accepted: false));
        var before = fixture.Snapshot();

        var refusal = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Candidates = [root.Id.ToString()] }));

        Assert.AreEqual(TrustErrorCodes.PolicyNotMet, refusal.Code);
        Assert.AreEqual(
            $"Kernels.Root(double): speedup_ci_low > 1 is not met (0.987); run 'sigil compare quickstart v1 {root.Id.Digest[..12]}' for fresh evidence or lower the requirement.",
            refusal.Message);
        Assert.AreEqual(before, fixture.Snapshot());
    }

    [TestMethod]
    public async Task UserClauses_ReplaceDefaultsOnTheirMetric_AndAddOthers()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var before = fixture.Snapshot();

        var refusal = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Constraints = ["speedup_ci_low>1.5"] }));
        StringAssert.StartsWith(refusal.Message, "Kernels.Root(double): speedup_ci_low > 1.5 is not met (1.2);");
        var p99 = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Constraints = ["p99_ns <= 50"] }));
        StringAssert.StartsWith(p99.Message, "Kernels.Root(double): p99_ns <= 50 is not met (90);");
        var absent = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Constraints = ["cpu_ns<10"] }));
        StringAssert.StartsWith(absent.Message, "Kernels.Root(double): cpu_ns < 10 cannot be checked: the evidence has no cpu_ns;");
        var malformed = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { Constraints = ["speedup >> 1"] }));
        Assert.AreEqual(TrustErrorCodes.InvalidRequest, malformed.Code);
        Assert.AreEqual(before, fixture.Snapshot());

        var result = await fixture.PromoteAsync(r => r with { Constraints = ["speedup_ci_low>=1.1", "p99_ns<=120000"], NonInferiority = "none" });

        var constraints = result.Document.Policy.Constraints;
        CollectionAssert.AreEquivalent(new[] { "correct", "p99_ns", "speedup_ci_low" }, constraints.Keys.ToArray());
        Assert.AreEqual(new Sigil.Manifests.Model.MetricConstraint(">=", 1.1), constraints["speedup_ci_low"]);
        Assert.IsNull(result.Document.Policy.NonInferiority);
        Assert.IsTrue(fixture.Verify(result.ManifestPath).Valid);
    }

    [TestMethod]
    public async Task UntrustedOrRevokedKey_IsRefused_AndNothingIsWritten()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        new SigningKeyStore(fixture.KeysDirectory).New("stranger").Dispose();
        var before = fixture.Snapshot();

        var untrusted = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync(r => r with { KeyName = "stranger" }));

        Assert.AreEqual(TrustErrorCodes.UntrustedKey, untrusted.Code);
        StringAssert.Contains(untrusted.Message, "trust it with 'sigil keys trust stranger'");
        Assert.AreEqual(before, fixture.Snapshot());

        using (var key = fixture.LoadKey())
        {
            new TrustStore(fixture.ProjectDirectory).Revoke(key.KeyId, "laptop lost");
        }
        var revoked = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync());
        Assert.AreEqual(TrustErrorCodes.UntrustedKey, revoked.Code);
        StringAssert.Contains(revoked.Message, "laptop lost");
        Assert.IsFalse(File.Exists(fixture.DefaultManifest));
    }

    [TestMethod]
    public async Task SequenceIncrements_OldCopiesAreKept_AndOutputIsOnlyReplacedWithForce()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var first = await fixture.PromoteAsync();
        var firstBytes = File.ReadAllBytes(first.RecordPath);
        var before = fixture.Snapshot();

        var exists = await Assert.ThrowsExactlyAsync<TrustException>(() => fixture.PromoteAsync());
        Assert.AreEqual(TrustErrorCodes.OutputExists, exists.Code);
        Assert.AreEqual(before, fixture.Snapshot());

        var second = await fixture.PromoteAsync(r => r with { Force = true });
        var third = await fixture.PromoteAsync(r => r with { OutputPath = "../release.json" });

        Assert.AreEqual(2L, second.Sequence);
        Assert.AreEqual(3L, third.Sequence);
        Assert.AreEqual(Path.Combine(fixture.RepositoryRoot, "release.json"), third.ManifestPath);
        CollectionAssert.AreEqual(firstBytes, File.ReadAllBytes(first.RecordPath));
        CollectionAssert.AreEqual(new[] { "quickstart-1.json", "quickstart-2.json", "quickstart-3.json" },
            Directory.GetFiles(fixture.ManifestRecords).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.AreEqual(File.ReadAllText(second.RecordPath), File.ReadAllText(fixture.DefaultManifest));
        Assert.AreNotEqual(first.ManifestId, second.ManifestId);
        Assert.IsTrue(fixture.Verify(fixture.DefaultManifest).Valid);
    }
}
