using Sigil.Manifests.Tests.Support;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Tests.Verification;

/// <summary>The validity window (created_at − skew through expires_at) and the sequence rule against the last applied manifest.</summary>
[TestClass]
public sealed class VerifierTimeAndSequenceTests
{
    [TestMethod]
    public void Verify_CreatedWithinClockSkew_IsValid()
    {
        using var fixture = new ManifestFixture();
        fixture.Clock.Now = ManifestFixture.CreatedAt.AddMinutes(-4);

        Assert.IsTrue(fixture.Verify(fixture.Sign().Json).Valid);
    }

    [TestMethod]
    public void Verify_CreatedBeyondClockSkew_IsNotYetValid()
    {
        using var fixture = new ManifestFixture();
        fixture.Clock.Now = ManifestFixture.CreatedAt.AddMinutes(-6);

        var result = fixture.Verify(fixture.Sign().Json);

        Assert.AreEqual(VerificationCodes.NotYetValid, result.Code, result.Message);
    }

    [TestMethod]
    public void Verify_ExactlyAtExpiry_IsValidAndOneSecondLaterExpired()
    {
        using var fixture = new ManifestFixture();
        var json = fixture.Sign().Json;
        fixture.Clock.Now = ManifestFixture.ExpiresAt;
        Assert.IsTrue(fixture.Verify(json).Valid);

        fixture.Clock.Now = ManifestFixture.ExpiresAt.AddSeconds(1);

        Assert.AreEqual(VerificationCodes.Expired, fixture.Verify(json).Code);
    }

    [TestMethod]
    public void Verify_SameSequenceAndIdAsLastApplied_IsValid()
    {
        using var fixture = new ManifestFixture();
        var signed = fixture.Sign();

        var result = fixture.Verify(signed.Json, ManifestFixture.Options(new AppliedManifest(7, signed.Document.ManifestId!)));

        Assert.IsTrue(result.Valid, result.ToString());
    }

    [TestMethod]
    public void Verify_HigherSequenceThanLastApplied_IsValid()
    {
        using var fixture = new ManifestFixture();

        var result = fixture.Verify(fixture.Sign().Json, ManifestFixture.Options(new AppliedManifest(6, "manifest://b3:" + new string('a', 64))));

        Assert.IsTrue(result.Valid, result.ToString());
    }

    [TestMethod]
    public void Verify_SameSequenceDifferentId_IsReplayedSequence()
    {
        using var fixture = new ManifestFixture();
        var other = "manifest://b3:" + new string('a', 64);

        var result = fixture.Verify(fixture.Sign().Json, ManifestFixture.Options(new AppliedManifest(7, other)));

        Assert.AreEqual(VerificationCodes.ReplayedSequence, result.Code);
        Assert.Contains(other, result.Message!);
    }
}
