using System.Text.Json.Nodes;
using Sigil.Manifests.Model;
using Sigil.Manifests.Tests.Support;

namespace Sigil.Manifests.Tests.Model;

[TestClass]
public sealed class ManifestDocumentTests
{
    [TestMethod]
    public void Parse_SignedManifest_ReadsEveryField()
    {
        using var fixture = new ManifestFixture();
        var json = fixture.Sign().Json;

        var document = ManifestDocument.Parse(json);

        Assert.AreEqual("sigil/manifest@0", document.Schema);
        Assert.StartsWith("manifest://b3:", document.ManifestId);
        Assert.AreEqual("pricing", document.Spec);
        Assert.AreEqual(ManifestFixture.CreatedAt, document.CreatedAt);
        Assert.AreEqual(ManifestFixture.ExpiresAt, document.ExpiresAt);
        Assert.AreEqual(7, document.Sequence);
        Assert.AreEqual(ManifestFixture.Commit, document.Codebase.Commit);
        Assert.AreEqual(new EvaluatorRef("accuracy", "3"), Assert.ContainsSingle(document.EvaluatorSet));
        Assert.AreEqual(new MetricConstraint(">=", 0.999), document.Policy.Constraints["accuracy"]);
        Assert.AreEqual(new NonInferiorityRule("accuracy", -0.0002), document.Policy.NonInferiority);
        Assert.HasCount(3, document.Pins);
        Assert.AreEqual(ManifestFixture.Function(1), document.Pins[1].FunctionId);
        Assert.AreEqual(ManifestFixture.Candidate("1"), document.Pins[1].Candidate);
        Assert.AreEqual(0.91, document.Pins[1].Metrics["p99_ms"]);
        Assert.AreEqual(2000, document.Pins[1].Evidence.NTrials);
        Assert.AreEqual(new ConfidenceInterval(-0.0001, 0.0003), document.Pins[1].Evidence.Ci["accuracy"]);
        Assert.AreEqual("ed25519", document.Signature!.Alg);
        Assert.HasCount(64, document.Signature.SignatureBytes());
    }

    public static IEnumerable<object[]> InvalidDocuments =>
    [
        ["wrong schema", Edit(m => m["schema"] = "sigil/manifest@1"), "schema"],
        ["candidate not a CandidateID", Edit(m => Pin(m, 1)["candidate"] = "diff://sha1:abc"), "pins[1].candidate"],
        ["function not a FunctionID", Edit(m => Pin(m, 0)["function_id"] = "sigil://Shop/nothing"), "pins[0].function_id"],
        ["same function twice", Edit(m => Pin(m, 2)["function_id"] = Pin(m, 0)["function_id"]!.GetValue<string>()), "pins[2].function_id"],
        ["no pins", Edit(m => m["pins"] = new JsonArray()), "pins"],
        ["missing author", Edit(m => m.Remove("author")), "author"],
        ["unknown top-level field", Edit(m => m["note"] = "trust me"), "note"],
        ["unknown pin field", Edit(m => Pin(m, 1)["allocation"] = 0.5), "pins[1].allocation"],
        ["unknown evidence field", Edit(m => Pin(m, 0)["evidence"]!["seed"] = 1), "pins[0].evidence.seed"],
        ["unknown signature field", Edit(m => m["signature"]!["note"] = "x"), "signature.note"],
        ["bad operator", Edit(m => m["policy"]!["constraints"]!["accuracy"]!["op"] = "=>"), "policy.constraints.accuracy.op"],
        ["metric not a number", Edit(m => Pin(m, 1)["metrics"]!["p99_ms"] = "0.91"), "pins[1].metrics.p99_ms"],
        ["ci low above high", Edit(m => Pin(m, 2)["evidence"]!["ci"]!["accuracy"] = new JsonArray(0.5, 0.1)), "pins[2].evidence.ci.accuracy"],
        ["ci of three numbers", Edit(m => Pin(m, 0)["evidence"]!["ci"]!["accuracy"] = new JsonArray(0.1, 0.2, 0.3)), "pins[0].evidence.ci.accuracy"],
        ["n_trials fractional", Edit(m => Pin(m, 0)["evidence"]!["n_trials"] = 2.5), "pins[0].evidence.n_trials"],
        ["created_at with offset", Edit(m => m["created_at"] = "2026-12-05T15:00:00+01:00"), "created_at"],
        ["created_at with fraction", Edit(m => m["created_at"] = "2026-12-05T14:00:00.5Z"), "created_at"],
        ["expires before created", Edit(m => m["expires_at"] = "2026-12-01T00:00:00Z"), "expires_at"],
        ["sequence zero", Edit(m => m["sequence"] = 0), "sequence"],
        ["sequence beyond 2^53", Edit(m => m["sequence"] = 9_007_199_254_740_993L), "sequence"],
        ["short commit", Edit(m => m["codebase"]!["commit"] = "abc123"), "codebase.commit"],
        ["bad manifest_id", Edit(m => m["manifest_id"] = "manifest://sha256:00"), "manifest_id"],
        ["bad workspace_id", Edit(m => m["workspace_id"] = "ws://b3:XYZ"), "workspace_id"],
        ["alg not ed25519", Edit(m => m["signature"]!["alg"] = "rsa"), "signature.alg"],
        ["signature too short", Edit(m => m["signature"]!["sig"] = "base64:AAAA"), "signature.sig"],
        ["signature without prefix", Edit(m => m["signature"]!["sig"] = Convert.ToBase64String(new byte[64])), "signature.sig"],
        ["bad key id", Edit(m => m["signature"]!["key_id"] = "ed25519:XYZ"), "signature.key_id"],
        ["no signature", Edit(m => m.Remove("signature")), "signature"],
        ["pins not an array", Edit(m => m["pins"] = new JsonObject()), "pins"],
    ];

    [TestMethod]
    [DynamicData(nameof(InvalidDocuments))]
    public void Parse_InvalidDocument_ReportsFirstProblemByPath(string name, Func<string, string> edit, string path)
    {
        using var fixture = new ManifestFixture();
        var json = edit(fixture.Sign().Json);

        var error = Assert.Throws<ManifestFormatException>(() => ManifestDocument.Parse(json), name);

        Assert.AreEqual(path, error.Path, $"{name}: {error.Message}");
        Assert.StartsWith(path + ": ", error.Message);
    }

    [TestMethod]
    public void Parse_DuplicateKey_IsRejected()
    {
        using var fixture = new ManifestFixture();
        var json = fixture.Sign().Json.Replace("\"author\":", "\"author\": \"mallory\",\n  \"author\":", StringComparison.Ordinal);

        Assert.Throws<ManifestFormatException>(() => ManifestDocument.Parse(json));
    }

    [TestMethod]
    public void Parse_NonInferiorityNull_IsAccepted()
    {
        using var fixture = new ManifestFixture();
        var json = Edit(m => m["policy"]!["non_inferiority"] = null)(fixture.Sign().Json);

        Assert.IsNull(ManifestDocument.Parse(json).Policy.NonInferiority);
    }

    [TestMethod]
    public void Parse_NotJson_ReportsManifest()
    {
        var error = Assert.Throws<ManifestFormatException>(() => ManifestDocument.Parse("{ not json"));

        Assert.AreEqual("manifest", error.Path);
    }

    private static Func<string, string> Edit(Action<JsonObject> edit) => json => ManifestFixture.Edit(json, edit);

    private static JsonObject Pin(JsonObject manifest, int index) => manifest["pins"]![index]!.AsObject();
}
