using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Verification;

namespace Sigil.Manifests.Tests.Support;

/// <summary>
/// A project root with a real <c>sigil.keys.json</c> trusting a real Ed25519 key (RFC 8032 TEST 1's seed), a clock one
/// hour after the draft's created_at, and a valid three-pin draft: everything a verification test starts from.
/// </summary>
public sealed class ManifestFixture : IDisposable
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ExpiresAt = CreatedAt.AddDays(30);
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private readonly TempDirectory _root = new();

    public ManifestFixture()
    {
        Clock = new ManualClock(CreatedAt.AddHours(1));
        Trust = new TrustStore(_root.Path, Clock);
        Key = SigningKey.FromPrivateKey("release", Convert.FromHexString(Rfc8032Vectors.Test1Secret), CreatedAt);
        Trust.Trust(Key.PublicKey.Span, Key.Name);
    }

    public ManualClock Clock { get; }

    public TrustStore Trust { get; }

    public SigningKey Key { get; }

    public string Root => _root.Path;

    public static FunctionId Function(int index) =>
        FunctionId.Create("Shop", Commit, "Shop.Pricing", $"Cart.Step{index}(int)", Blake3Digest.Hex($"abi-{index}"));

    public static CandidateId Candidate(string seed) => new(Blake3Digest.Hex("candidate-" + seed));

    public static ManifestPin Pin(int index, double accuracy = 1.0, double ciLow = -0.0001) => new(
        Function(index),
        Candidate(index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Dictionary<string, double> { ["accuracy"] = accuracy, ["p99_ms"] = 0.91 },
        new PinEvidence(2000, new Dictionary<string, ConfidenceInterval> { ["accuracy"] = new(ciLow, 0.0003) }));

    public static ManifestDocument Draft(long sequence = 7, params ManifestPin[] pins) => new()
    {
        Spec = "pricing",
        SpecDigest = "spec://b3:" + Blake3Digest.Hex("spec"),
        CreatedAt = CreatedAt,
        Author = "release@example.com",
        Workspace = "v1",
        WorkspaceId = "ws://b3:" + Blake3Digest.Hex("ws"),
        Codebase = new ManifestCodebase("https://example.com/shop.git", Commit),
        EvaluatorSet = [new EvaluatorRef("accuracy", "3")],
        Policy = new ManifestPolicy(
            new Dictionary<string, MetricConstraint> { ["accuracy"] = new(">=", 0.999), ["p99_ms"] = new("<=", 2.0) },
            new NonInferiorityRule("accuracy", -0.0002)),
        Pins = pins.Length > 0 ? pins : [Pin(0), Pin(1), Pin(2)],
        Sequence = sequence,
        ExpiresAt = ExpiresAt,
    };

    public SignedManifest Sign(ManifestDocument? draft = null, SigningKey? key = null) =>
        ManifestSigner.Sign(draft ?? Draft(), key ?? Key);

    /// <summary>Options for a build where every pinned function still has the abi-hash it was approved for.</summary>
    public static VerificationOptions Options(AppliedManifest? lastApplied = null, Func<FunctionId, string?>? abi = null) =>
        new() { CurrentAbiHash = abi ?? (id => id.AbiHash), LastApplied = lastApplied };

    public VerificationResult Verify(string json, VerificationOptions? options = null) =>
        new ManifestVerifier(Trust, Clock).Verify(json, options ?? Options());

    /// <summary>Edits a manifest's JSON and leaves its id and signature as they were.</summary>
    public static string Edit(string json, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>Edits a manifest's JSON, then recomputes its id and re-signs it by hand with <paramref name="key"/>, bypassing the signer's validation.</summary>
    public static string EditAndResign(string json, SigningKey key, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        node["manifest_id"] = ManifestCanonicalForm.ComputeId(node);
        var signature = key.Sign(ManifestCanonicalForm.SigningInput(node));
        node["signature"] = new JsonObject
        {
            ["alg"] = "ed25519", ["key_id"] = key.KeyId.Value, ["sig"] = "base64:" + Convert.ToBase64String(signature),
        };
        return node.ToJsonString();
    }

    public void Dispose()
    {
        Key.Dispose();
        _root.Dispose();
    }
}
