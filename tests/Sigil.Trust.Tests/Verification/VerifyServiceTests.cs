using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Verification;
using Sigil.Manifests.Applied;
using Sigil.Trust.Errors;
using Sigil.Trust.Tests.Support;
using Sigil.Trust.Verification;

namespace Sigil.Trust.Tests.Verification;

[TestClass]
public sealed class VerifyServiceTests
{
    private static async Task<(TrustFixture Fixture, Sigil.Trust.Promotion.PromoteResult Promoted)> PromotedAsync()
    {
        var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum, HoldoutMetrics.Speed(2.1, 1.9, 2.3));
        return (fixture, await fixture.PromoteAsync());
    }

    [TestMethod]
    public async Task ValidManifest_VerifiesAgainstTheBuiltAssembly_WithItsSummary()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;

        var result = fixture.Verify("sigil.manifest.json");

        Assert.IsTrue(result.Valid, result.Message);
        Assert.IsNull(result.Code);
        Assert.AreEqual(promoted.ManifestId, result.Document?.ManifestId);
        StringAssert.EndsWith(result.AssemblyPath, Path.Combine("app", "bin", "Debug", "net10.0", "QuickStart.dll"));
        Assert.AreEqual(2, result.Summary!.Pins.Count);
        Assert.AreEqual("Kernels.Root(double)", result.Summary.Pins[0].QualifiedName);
        Assert.AreEqual("speedup 1.4× (95% CI 1.2–1.6), score Δ 0 (95% CI 0–0), 2000 trials, 20/20 samples correct", result.Summary.Pins[0].Evidence);
        Assert.AreEqual(0, result.Warnings.Count);
    }

    [TestMethod]
    public async Task TamperedManifest_IsRejected()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;
        var node = JsonNode.Parse(File.ReadAllText(promoted.ManifestPath))!.AsObject();
        node["pins"]![0]!["metrics"]!["speedup_ci_low"] = 1.9;
        File.WriteAllText(promoted.ManifestPath, node.ToJsonString());

        var result = fixture.Verify(promoted.ManifestPath);

        Assert.IsFalse(result.Valid);
        Assert.AreEqual(VerificationCodes.IdMismatch, result.Code);
        Assert.IsNull(result.Document);
        Assert.IsNotNull(result.Summary, "a manifest that parses is still summarized");
    }

    [TestMethod]
    public async Task AbiMismatch_IsRejected_EvenWhenSignedByTheTrustedKey()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;
        var document = promoted.Document;
        var changed = document.Pins[1].FunctionId with { AbiHash = Blake3Digest.Hex("another body") };
        var draft = document with { Pins = [document.Pins[0], document.Pins[1] with { FunctionId = changed }] };
        using (var key = fixture.LoadKey())
        {
            File.WriteAllText(promoted.ManifestPath, ManifestSigner.Sign(draft, key).Json);
        }

        var result = fixture.Verify(promoted.ManifestPath);

        Assert.AreEqual(VerificationCodes.AbiMismatch, result.Code, result.Message);
        Assert.AreEqual(changed.ToString(), result.Pin);
        StringAssert.Contains(result.Message, "Kernels.SumOfSquares(int[])");
    }

    [TestMethod]
    public async Task ExpiredManifest_IsRejected_ByTheInjectedClock()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;

        fixture.Clock.Now = promoted.Document.ExpiresAt.AddSeconds(1);
        var result = fixture.Verify(promoted.ManifestPath);

        Assert.AreEqual(VerificationCodes.Expired, result.Code);
        fixture.Clock.Now = promoted.Document.ExpiresAt;
        Assert.IsTrue(fixture.Verify(promoted.ManifestPath).Valid);
    }

    [TestMethod]
    public async Task OlderManifestThanTheAppliedOne_IsAReplay()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;
        var applied = new AppliedManifests(fixture.Paths.SigilDirectory);
        applied.Record("quickstart", new AppliedManifest(promoted.Sequence, promoted.ManifestId));
        Assert.IsTrue(fixture.Verify(promoted.ManifestPath).Valid);

        applied.Record("quickstart", new AppliedManifest(5, "manifest://b3:" + Blake3Digest.Hex("newer")));
        var result = fixture.Verify(promoted.ManifestPath);

        Assert.AreEqual(VerificationCodes.ReplayedSequence, result.Code);
        Assert.AreEqual(5L, result.LastApplied?.Sequence);
        var next = await fixture.PromoteAsync(r => r with { OutputPath = "next.json" });
        Assert.AreEqual(6L, next.Sequence, "promotion continues after the applied sequence");
        Assert.IsTrue(fixture.Verify("next.json").Valid);
    }

    [TestMethod]
    public async Task MissingBuildOrManifest_IsAClearError()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;

        var noManifest = Assert.ThrowsExactly<TrustException>(() => fixture.Verify("nope.json"));
        Assert.AreEqual(TrustErrorCodes.ManifestNotFound, noManifest.Code);
        Directory.Delete(Path.Combine(fixture.ProjectDirectory, "bin"), recursive: true);
        var noBuild = Assert.ThrowsExactly<TrustException>(() => fixture.Verify(promoted.ManifestPath));
        Assert.AreEqual(TrustErrorCodes.BuildOutputMissing, noBuild.Code);
        StringAssert.Contains(noBuild.Message, "build the project first");

        var explicitAssembly = new VerifyService(fixture.Clock).Verify(new VerifyRequest(promoted.ManifestPath, fixture.Paths) { AssemblyPath = QuickStartSample.Assembly });
        Assert.IsTrue(explicitAssembly.Valid, explicitAssembly.Message);
    }

    [TestMethod]
    public async Task StaleBuild_IsVerifiedWithAWarning()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;
        File.SetLastWriteTimeUtc(Path.Combine(fixture.ProjectDirectory, "Program.cs"), DateTime.UtcNow.AddHours(1));

        var result = fixture.Verify(promoted.ManifestPath);

        Assert.IsTrue(result.Valid);
        StringAssert.Contains(result.Warnings.Single(), "rebuild");
    }

    [TestMethod]
    public async Task Artifacts_AreWrittenBesideTheManifest_AndItsRecord_AndChecked()
    {
        var (fixture, promoted) = await PromotedAsync();
        using var _ = fixture;
        var pin = promoted.Pins[0];
        Assert.IsNotNull(pin.Artifact, "promote signs each pin's artifact");
        Assert.AreEqual(pin.Artifact, promoted.Document.Pins[0].Artifact);
        var file = pin.Artifact.PathBeside(promoted.ManifestPath);
        Assert.AreEqual("art://b3:" + Blake3Digest.Hex(File.ReadAllBytes(file)), pin.Artifact.Digest);
        Assert.IsTrue(File.Exists(pin.Artifact.PathBeside(promoted.RecordPath)), "the record copy in .sigil/manifests is servable too");
        CollectionAssert.AreEquivalent(promoted.Pins.Select(p => p.Candidate).ToArray(), fixture.Artifacts.Requested.ToArray());

        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 1;
        File.WriteAllBytes(file, bytes);
        var tampered = fixture.Verify(promoted.ManifestPath);
        Assert.AreEqual(VerificationCodes.ArtifactMismatch, tampered.Code);
        StringAssert.Contains(tampered.Message, "not the approved code");

        File.Delete(file);
        var missing = fixture.Verify(promoted.ManifestPath);
        Assert.AreEqual(VerificationCodes.ArtifactMissing, missing.Code);
        var forPublishing = new VerifyService(fixture.Clock).Verify(new VerifyRequest(promoted.ManifestPath, fixture.Paths) { RequireArtifacts = false });
        Assert.IsTrue(forPublishing.Valid, forPublishing.Message);
    }

    [TestMethod]
    public async Task ManifestWithoutArtifacts_CanBePublished_ButNotServed()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var promoted = await new Sigil.Trust.Promotion.PromoteService(fixture.Clock).PromoteAsync(fixture.Request());

        Assert.IsNull(promoted.Document.Pins[0].Artifact);
        Assert.IsTrue(promoted.Warnings.Any(w => w.Contains("No artifacts were compiled", StringComparison.Ordinal)));
        var result = fixture.Verify(promoted.ManifestPath);
        Assert.AreEqual(VerificationCodes.ArtifactMissing, result.Code);
        StringAssert.Contains(result.Message, "sigil publish");
        Assert.IsTrue(new VerifyService(fixture.Clock).Verify(new VerifyRequest(promoted.ManifestPath, fixture.Paths) { RequireArtifacts = false }).Valid);
    }
}
