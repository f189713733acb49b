using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Tests.Support;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Tests.Verification;

/// <summary>
/// Each case starts from one valid signed manifest, changes one thing the way an attacker or an accident would, and
/// must be rejected with exactly the expected code (and, for per-pin failures, the pin).
/// </summary>
[TestClass]
public sealed class TamperCorpusTests
{
    public static IEnumerable<object[]> Cases =>
    [
        Case("flipped byte in the signature", VerificationCodes.BadSignature, (f, json) => ManifestFixture.Edit(json, m =>
        {
            var sig = Convert.FromBase64String(m["signature"]!["sig"]!.GetValue<string>()["base64:".Length..]);
            sig[10] ^= 0x40;
            m["signature"]!["sig"] = "base64:" + Convert.ToBase64String(sig);
        })),
        Case("edited pin candidate, id kept", VerificationCodes.IdMismatch, (f, json) =>
            ManifestFixture.Edit(json, m => m["pins"]![1]!["candidate"] = ManifestFixture.Candidate("evil").ToString())),
        Case("edited pin candidate, id recomputed", VerificationCodes.BadSignature, (f, json) =>
            RecomputeIdOnly(json, m => m["pins"]![1]!["candidate"] = ManifestFixture.Candidate("evil").ToString())),
        Case("edited metric, id kept", VerificationCodes.IdMismatch, (f, json) =>
            ManifestFixture.Edit(json, m => m["pins"]![0]!["metrics"]!["p99_ms"] = 0.5)),
        Case("edited metric, id recomputed", VerificationCodes.BadSignature, (f, json) =>
            RecomputeIdOnly(json, m => m["pins"]![0]!["metrics"]!["p99_ms"] = 0.5)),
        Case("manifest_id that does not match", VerificationCodes.IdMismatch, (f, json) =>
            ManifestFixture.Edit(json, m => m["manifest_id"] = "manifest://b3:" + Blake3Digest.Hex("another"))),
        Case("signed by an untrusted key", VerificationCodes.UnknownKey, (f, json) =>
        {
            using var stranger = SigningKey.FromPrivateKey("stranger", Convert.FromHexString(Rfc8032Vectors.Test2Secret), ManifestFixture.CreatedAt);
            return f.Sign(key: stranger).Json;
        }),
        Case("key_id swapped to another trusted key", VerificationCodes.BadSignature, (f, json) =>
        {
            using var other = SigningKey.FromPrivateKey("other", Convert.FromHexString(Rfc8032Vectors.Test3Secret), ManifestFixture.CreatedAt);
            f.Trust.Trust(other.PublicKey.Span, "other");
            return ManifestFixture.Edit(json, m => m["signature"]!["key_id"] = other.KeyId.Value);
        }),
        Case("signed by a revoked key", VerificationCodes.RevokedKey, (f, json) =>
        {
            f.Trust.Revoke(f.Key.KeyId, "laptop lost");
            return json;
        }),
        Case("expired", VerificationCodes.Expired, (f, json) =>
        {
            f.Clock.Now = ManifestFixture.ExpiresAt.AddMinutes(1);
            return json;
        }),
        Case("created in the future", VerificationCodes.NotYetValid, (f, json) =>
        {
            f.Clock.Now = ManifestFixture.CreatedAt.AddHours(-1);
            return json;
        }),
        Case("replayed older sequence", VerificationCodes.ReplayedSequence, (f, json) => json,
            options: ManifestFixture.Options(new AppliedManifest(8, "manifest://b3:" + Blake3Digest.Hex("newer")))),
        Case("ABI changed for pin 1", VerificationCodes.AbiMismatch, (f, json) => json,
            options: ManifestFixture.Options(abi: id => id == ManifestFixture.Function(1) ? Blake3Digest.Hex("changed") : id.AbiHash),
            pin: 1),
        Case("one invalid pin among three", VerificationCodes.PolicyViolation, (f, json) =>
            f.Sign(ManifestFixture.Draft(pins: [ManifestFixture.Pin(0), ManifestFixture.Pin(1, accuracy: 0.99), ManifestFixture.Pin(2)])).Json,
            pin: 1),
        Case("unknown extra field, unsigned", VerificationCodes.Malformed, (f, json) =>
            ManifestFixture.Edit(json, m => m["allocation"] = 0.5)),
        Case("unknown extra field, even when signed", VerificationCodes.Malformed, (f, json) =>
            ResignWithTrustedKey(json, m => m["allocation"] = 0.5)),
        Case("extra field in the signature block", VerificationCodes.Malformed, (f, json) =>
            ManifestFixture.Edit(json, m => m["signature"]!["comment"] = "approved")),
        Case("duplicate key smuggled in", VerificationCodes.Malformed, (f, json) =>
            json.Replace("\"author\":", "\"author\": \"mallory@example.com\",\n  \"author\":", StringComparison.Ordinal)),
        Case("signature removed", VerificationCodes.Malformed, (f, json) => ManifestFixture.Edit(json, m => m.Remove("signature"))),
    ];

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Verify_TamperedManifest_IsRejectedWithTheExpectedCode(
        string name, string code, Func<ManifestFixture, string, string> tamper, VerificationOptions? options, int? pin)
    {
        using var fixture = new ManifestFixture();
        var original = fixture.Sign().Json;
        Assert.IsTrue(fixture.Verify(original).Valid, $"{name}: the untampered manifest must verify");

        var tampered = tamper(fixture, original);
        var result = fixture.Verify(tampered, options);

        Assert.IsFalse(result.Valid, name);
        Assert.AreEqual(code, result.Code, $"{name}: {result.Message}");
        Assert.IsNull(result.Document, name);
        if (pin is { } index)
        {
            Assert.AreEqual(ManifestFixture.Function(index).ToString(), result.Pin, name);
            Assert.Contains($"pins[{index}]", result.Message!, name);
        }
        else
        {
            Assert.IsNull(result.Pin, name);
        }
    }

    private static object[] Case(
        string name, string code, Func<ManifestFixture, string, string> tamper, VerificationOptions? options = null, int? pin = null) =>
        [name, code, tamper, options!, pin!];

    /// <summary>Tampers and recomputes manifest_id, keeping the old signature: what someone without the private key can do.</summary>
    private static string RecomputeIdOnly(string json, Action<JsonObject> edit) => ManifestFixture.Edit(json, m =>
    {
        edit(m);
        m["manifest_id"] = ManifestCanonicalForm.ComputeId(m);
    });

    /// <summary>Tampers, then recomputes the id and signs with RFC 8032 TEST 1's key (the trusted one) by hand: what the key holder can do.</summary>
    private static string ResignWithTrustedKey(string json, Action<JsonObject> edit)
    {
        using var key = SigningKey.FromPrivateKey("release", Convert.FromHexString(Rfc8032Vectors.Test1Secret), ManifestFixture.CreatedAt);
        return ManifestFixture.EditAndResign(json, key, edit);
    }
}
