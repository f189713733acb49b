using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Manifests.Model;
using Sigil.Manifests.Tests.Support;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Tests.Model;

[TestClass]
public sealed class PinArtifactTests
{
    private static readonly byte[] Image = [1, 2, 3, 4, 5];

    private static PinArtifact Artifact(byte[]? image = null) =>
        new("art://b3:" + Blake3Digest.Hex(image ?? Image), "Shop.Pricing.SigilCandidateMethod", (image ?? Image).Length);

    [TestMethod]
    public void SignedArtifact_RoundTrips_AndIsCoveredByTheSignature()
    {
        using var fixture = new ManifestFixture();
        var draft = ManifestFixture.Draft(7, ManifestFixture.Pin(0) with { Artifact = Artifact() });
        var signed = fixture.Sign(draft);

        var parsed = ManifestDocument.Parse(signed.Json);
        Assert.AreEqual(Artifact(), parsed.Pins[0].Artifact);
        StringAssert.Contains(signed.Json, "\"entry_type\"");

        var edited = ManifestFixture.Edit(signed.Json, n => n["pins"]![0]!["artifact"]!["digest"] = "art://b3:" + Blake3Digest.Hex("other"));
        Assert.AreEqual(VerificationCodes.IdMismatch, fixture.Verify(edited).Code, "the artifact digest is part of the signed body");
    }

    [TestMethod]
    [DataRow("digest", "sha256:abc", "pins[0].artifact.digest")]
    [DataRow("entry_type", "Bad Name", "pins[0].artifact.entry_type")]
    [DataRow("size", "0", "pins[0].artifact.size")]
    [DataRow("extra", "x", "pins[0].artifact.extra")]
    public void MalformedArtifact_IsRejectedByPath(string field, string value, string path)
    {
        using var fixture = new ManifestFixture();
        var json = fixture.Sign(ManifestFixture.Draft(7, ManifestFixture.Pin(0) with { Artifact = Artifact() })).Json;
        var edited = ManifestFixture.Edit(json, n =>
            n["pins"]![0]!["artifact"]![field] = field == "size" ? JsonValue.Create(long.Parse(value)) : JsonValue.Create(value));

        var error = Assert.ThrowsExactly<ManifestFormatException>(() => ManifestDocument.Parse(edited));
        Assert.AreEqual(path, error.Path, error.Message);
    }

    [TestMethod]
    public void ArtifactCheck_ReadsTheSignedBytes_AndRefusesOthers()
    {
        using var directory = new TempDirectory();
        var manifestPath = Path.Combine(directory.Path, "m.json");
        var pin = ManifestFixture.Pin(0) with { Artifact = Artifact() };
        var file = pin.Artifact!.PathBeside(manifestPath);

        Assert.AreEqual(VerificationCodes.ArtifactMissing, ArtifactCheck.TryRead(pin, 0, manifestPath, required: true, out _)?.Code);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Image);
        Assert.IsNull(ArtifactCheck.TryRead(pin, 0, manifestPath, required: true, out var bytes));
        CollectionAssert.AreEqual(Image, bytes);

        File.WriteAllBytes(file, [1, 2, 3, 4, 6]);
        Assert.AreEqual(VerificationCodes.ArtifactMismatch, ArtifactCheck.TryRead(pin, 0, manifestPath, required: true, out _)?.Code);
        File.WriteAllBytes(file, [1, 2, 3]);
        Assert.AreEqual(VerificationCodes.ArtifactMismatch, ArtifactCheck.TryRead(pin, 0, manifestPath, required: true, out _)?.Code);

        var without = ManifestFixture.Pin(1);
        Assert.IsNull(ArtifactCheck.TryRead(without, 1, manifestPath, required: false, out var none));
        Assert.IsNull(none);
        Assert.AreEqual(VerificationCodes.ArtifactMissing, ArtifactCheck.TryRead(without, 1, manifestPath, required: true, out _)?.Code);
    }
}
