using System.Text;
using System.Text.Json.Nodes;
using Sigil.Manifests.Model;
using Sigil.Manifests.Tests.Support;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Tests.Verification;

[TestClass]
public sealed class ManifestVerifierTests
{
    [TestMethod]
    public void Verify_FreshlySignedManifest_IsValidAndReturnsDocument()
    {
        using var fixture = new ManifestFixture();
        var signed = fixture.Sign();

        var result = fixture.Verify(signed.Json);

        Assert.IsTrue(result.Valid, result.ToString());
        Assert.IsNull(result.Code);
        Assert.AreEqual(signed.Document.ManifestId, result.Document!.ManifestId);
    }

    [TestMethod]
    public void Verify_KeysReorderedCompactedAndNumbersRespelled_IsStillValid()
    {
        using var fixture = new ManifestFixture();
        var reordered = Reverse(JsonNode.Parse(fixture.Sign().Json)!)!.ToJsonString();
        var respelled = reordered.Replace("0.91", "9.10e-1", StringComparison.Ordinal).Replace("0.999", "999E-3", StringComparison.Ordinal);
        Assert.Contains("9.10e-1", respelled);

        var result = fixture.Verify(" \n" + respelled + "\t");

        Assert.IsTrue(result.Valid, result.ToString());
    }

    [TestMethod]
    public void Verify_FunctionNoLongerExists_IsAbiMismatchNamingThePin()
    {
        using var fixture = new ManifestFixture();
        var gone = ManifestFixture.Function(2);

        var result = fixture.Verify(fixture.Sign().Json, ManifestFixture.Options(abi: id => id == gone ? null : id.AbiHash));

        Assert.AreEqual(VerificationCodes.AbiMismatch, result.Code);
        Assert.AreEqual(gone.ToString(), result.Pin);
        Assert.Contains("pins[2]", result.Message!);
        Assert.Contains("no longer exists", result.Message!);
    }

    [TestMethod]
    public void Verify_ConstraintOnMetricThePinLacks_IsPolicyViolation()
    {
        using var fixture = new ManifestFixture();
        var lacking = ManifestFixture.Pin(1) with { Metrics = new Dictionary<string, double> { ["accuracy"] = 1.0 } };
        var json = fixture.Sign(ManifestFixture.Draft(pins: [ManifestFixture.Pin(0), lacking])).Json;

        var result = fixture.Verify(json);

        Assert.AreEqual(VerificationCodes.PolicyViolation, result.Code);
        Assert.AreEqual(lacking.FunctionId.ToString(), result.Pin);
        Assert.Contains("p99_ms", result.Message!);
    }

    [TestMethod]
    [DataRow(-0.0002, true)]
    [DataRow(-0.00021, false)]
    public void Verify_NonInferiorityLowerBound_PassesOnlyAtOrAboveDelta(double ciLow, bool valid)
    {
        using var fixture = new ManifestFixture();
        var json = fixture.Sign(ManifestFixture.Draft(pins: [ManifestFixture.Pin(0, ciLow: ciLow)])).Json;

        var result = fixture.Verify(json);

        Assert.AreEqual(valid, result.Valid, result.ToString());
        Assert.AreEqual(valid ? null : VerificationCodes.PolicyViolation, result.Code);
    }

    [TestMethod]
    public void Verify_NonInferiorityWithoutCi_IsPolicyViolation()
    {
        using var fixture = new ManifestFixture();
        var pin = ManifestFixture.Pin(0) with { Evidence = new PinEvidence(10, new Dictionary<string, ConfidenceInterval>()) };

        var result = fixture.Verify(fixture.Sign(ManifestFixture.Draft(pins: [pin])).Json);

        Assert.AreEqual(VerificationCodes.PolicyViolation, result.Code);
        Assert.Contains("evidence.ci", result.Message!);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("[]")]
    [DataRow("{\"schema\":")]
    public void Verify_NotAManifest_IsMalformedWithoutDocument(string json)
    {
        using var fixture = new ManifestFixture();

        var result = fixture.Verify(json);

        Assert.AreEqual(VerificationCodes.Malformed, result.Code);
        Assert.IsNull(result.Document);
    }

    [TestMethod]
    public void Verify_Utf8Bytes_SameAsText()
    {
        using var fixture = new ManifestFixture();
        var json = fixture.Sign().Json;

        var result = new ManifestVerifier(fixture.Trust, fixture.Clock).Verify(Encoding.UTF8.GetBytes(json), ManifestFixture.Options());

        Assert.IsTrue(result.Valid, result.ToString());
    }

    [TestMethod]
    public void Verify_InvalidManifest_ReturnsNoDocument()
    {
        using var fixture = new ManifestFixture();
        fixture.Clock.Now = ManifestFixture.ExpiresAt.AddDays(1);

        var result = fixture.Verify(fixture.Sign().Json);

        Assert.IsFalse(result.Valid);
        Assert.IsNull(result.Document);
    }

    [TestMethod]
    public void Constants_VerificationCodes_AreStableStrings()
    {
        var codes = new[]
        {
            VerificationCodes.Malformed, VerificationCodes.IdMismatch, VerificationCodes.UnknownKey, VerificationCodes.RevokedKey,
            VerificationCodes.BadSignature, VerificationCodes.NotYetValid, VerificationCodes.Expired, VerificationCodes.ReplayedSequence,
            VerificationCodes.AbiMismatch, VerificationCodes.PolicyViolation,
        };

        Assert.AreEqual(
            "malformed id-mismatch unknown-key revoked-key bad-signature not-yet-valid expired replayed-sequence abi-mismatch policy-violation",
            string.Join(' ', codes));
    }

    /// <summary>A copy of the tree with every object's members in reverse order.</summary>
    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Reverse).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
