using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Manifests.Canonical;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Signing;

[TestClass]
public sealed class ManifestSignerTests
{
    [TestMethod]
    public void Sign_Draft_IdIsBlake3OfCanonicalBodyWithoutIdAndSignature()
    {
        using var fixture = new ManifestFixture();

        var signed = fixture.Sign();

        var body = JsonNode.Parse(signed.Json)!.AsObject();
        body.Remove("manifest_id");
        body.Remove("signature");
        Assert.AreEqual("manifest://b3:" + Blake3Digest.Hex(JsonCanonicalizer.Canonicalize(body)), signed.Document.ManifestId);
    }

    [TestMethod]
    public void Sign_Draft_SignatureCoversCanonicalBodyWithIdButWithoutSignature()
    {
        using var fixture = new ManifestFixture();

        var signed = fixture.Sign();

        var withId = JsonNode.Parse(signed.Json)!.AsObject();
        withId.Remove("signature");
        var signature = signed.Document.Signature!;
        Assert.AreEqual(fixture.Key.KeyId.Value, signature.KeyId);
        Assert.StartsWith("base64:", signature.Sig);
        Assert.IsTrue(Ed25519Verifier.Verify(fixture.Key.PublicKey.Span, JsonCanonicalizer.Canonicalize(withId), signature.SignatureBytes()));
    }

    [TestMethod]
    public void Sign_SameDraftTwice_GivesIdenticalOutput()
    {
        using var fixture = new ManifestFixture();

        Assert.AreEqual(fixture.Sign().Json, fixture.Sign().Json);
    }

    public static IEnumerable<object[]> FieldChanges =>
    [
        ["author", (Func<ManifestDocument, ManifestDocument>)(d => d with { Author = "someone@example.com" })],
        ["sequence", (Func<ManifestDocument, ManifestDocument>)(d => d with { Sequence = 8 })],
        ["expires_at", (Func<ManifestDocument, ManifestDocument>)(d => d with { ExpiresAt = d.ExpiresAt.AddSeconds(1) })],
        ["candidate", (Func<ManifestDocument, ManifestDocument>)(d => d with { Pins = [d.Pins[0] with { Candidate = ManifestFixture.Candidate("other") }, .. d.Pins.Skip(1)] })],
        ["metric", (Func<ManifestDocument, ManifestDocument>)(d => d with { Pins = [ManifestFixture.Pin(0, accuracy: 0.9995), .. d.Pins.Skip(1)] })],
        ["policy", (Func<ManifestDocument, ManifestDocument>)(d => d with { Policy = d.Policy with { NonInferiority = null } })],
        ["pin order", (Func<ManifestDocument, ManifestDocument>)(d => d with { Pins = [.. d.Pins.Reverse()] })],
    ];

    [TestMethod]
    [DynamicData(nameof(FieldChanges))]
    public void Sign_AnyFieldChanged_GivesANewIdAndSignature(string field, Func<ManifestDocument, ManifestDocument> change)
    {
        using var fixture = new ManifestFixture();
        var original = fixture.Sign();

        var changed = fixture.Sign(change(ManifestFixture.Draft()));

        Assert.AreNotEqual(original.Document.ManifestId, changed.Document.ManifestId, field);
        Assert.AreNotEqual(original.Document.Signature!.Sig, changed.Document.Signature!.Sig, field);
    }

    [TestMethod]
    public void Sign_Draft_WritesSchemaAndIdFirstAndSignatureLast()
    {
        using var fixture = new ManifestFixture();

        var names = JsonNode.Parse(fixture.Sign().Json)!.AsObject().Select(p => p.Key).ToArray();

        Assert.AreSequenceEqual(
            new[] { "schema", "manifest_id", "spec", "spec_digest", "created_at", "author", "workspace", "workspace_id", "codebase",
                "evaluator_set", "policy", "pins", "sequence", "expires_at", "signature" },
            names);
    }

    [TestMethod]
    public void Sign_Draft_WritesOperatorsReadablyAndTimestampsAtWholeSeconds()
    {
        using var fixture = new ManifestFixture();
        var draft = ManifestFixture.Draft() with { CreatedAt = ManifestFixture.CreatedAt.AddMilliseconds(750) };

        var json = fixture.Sign(draft).Json;

        Assert.Contains("\"op\": \">=\"", json);
        Assert.Contains("\"created_at\": \"2026-12-05T14:00:00Z\"", json);
    }

    [TestMethod]
    public void Sign_DraftWithExistingIdAndSignature_IgnoresThem()
    {
        using var fixture = new ManifestFixture();
        var clean = fixture.Sign();
        var stale = ManifestFixture.Draft() with
        {
            ManifestId = "manifest://b3:" + new string('0', 64),
            Signature = new ManifestSignature("ed25519", fixture.Key.KeyId.Value, "base64:x"),
        };

        Assert.AreEqual(clean.Json, fixture.Sign(stale).Json);
    }

    [TestMethod]
    public void Sign_DraftWithoutPins_ThrowsNamingPins()
    {
        using var fixture = new ManifestFixture();
        var draft = ManifestFixture.Draft() with { Pins = [] };

        var error = Assert.Throws<ManifestFormatException>(() => fixture.Sign(draft));

        Assert.AreEqual("pins", error.Path);
    }

    [TestMethod]
    public void Sign_DraftWithNaNMetric_Throws()
    {
        using var fixture = new ManifestFixture();
        var draft = ManifestFixture.Draft(pins: [ManifestFixture.Pin(0, accuracy: double.NaN)]);

        Assert.Throws<ManifestFormatException>(() => fixture.Sign(draft));
    }

    [TestMethod]
    public void Sign_DraftWithBadOperator_ThrowsNamingConstraint()
    {
        using var fixture = new ManifestFixture();
        var draft = ManifestFixture.Draft() with
        {
            Policy = new ManifestPolicy(new Dictionary<string, MetricConstraint> { ["accuracy"] = new("~", 1) }, null),
        };

        var error = Assert.Throws<ManifestFormatException>(() => fixture.Sign(draft));

        Assert.AreEqual("policy.constraints.accuracy.op", error.Path);
    }
}
