using System.Text.Json.Nodes;
using Sigil.Core.Hashing;
using Sigil.Manifests.Applied;
using Sigil.Manifests.Keys;
using Sigil.Manifests.Model;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Verification;
using Sigil.Runtime.Resolution;

namespace Sigil.Runtime.Tests.Resolution;

/// <summary>
/// The tamper corpus through the prod resolver: every case starts from a manifest that would be served (two pins, Root
/// and Scale, with real signed artifacts), breaks one thing, and must end with every pin on its baseline, the stable
/// reason in <see cref="ResolutionStatus.FallbackReason"/> and a "fallback" line in the log.
/// </summary>
[TestClass]
public sealed class ProdTamperTests
{
    private const string BindPrefix = "pins[0] (Kernels.Root(double)): ";

    [TestMethod]
    public void Untampered_BothPinsServed()
    {
        // The baseline of the corpus: without tampering the same setup serves both pins (so each case's fallback is the tampering's doing).
        using var project = new ResolverProject();
        Setup(project);
        var (root, scale) = (ResolverProject.RootRoute(), ResolverProject.ScaleRoute());
        var resolver = project.Resolver(ResolverMode.Prod);

        resolver.Attach([root, scale]);

        Assert.IsNull(resolver.Status.FallbackReason);
        Assert.AreEqual(43.0, ResolverProject.Invoke(root, 1.0));
        Assert.AreEqual(3.0, ResolverProject.Invoke(scale, 1.0));
    }

    [TestMethod]
    [DataRow("flipped-byte", VerificationCodes.IdMismatch + ": ")]
    [DataRow("flipped-signature-bit", VerificationCodes.BadSignature + ": ")]
    [DataRow("edited-pin-metric", VerificationCodes.IdMismatch + ": ")]
    [DataRow("edited-pin-id-recomputed", VerificationCodes.BadSignature + ": ")]
    [DataRow("edited-pin-resigned-by-stranger", VerificationCodes.UnknownKey + ": ")]
    [DataRow("untrusted-key", VerificationCodes.UnknownKey + ": ")]
    [DataRow("revoked-key", VerificationCodes.RevokedKey + ": ")]
    [DataRow("expired", VerificationCodes.Expired + ": ")]
    [DataRow("not-yet-valid", VerificationCodes.NotYetValid + ": ")]
    [DataRow("replayed-older-sequence", VerificationCodes.ReplayedSequence + ": ")]
    [DataRow("same-sequence-other-manifest", VerificationCodes.ReplayedSequence + ": ")]
    [DataRow("abi-mismatch", VerificationCodes.AbiMismatch + ": pins[0]")]
    [DataRow("pin-not-in-build", VerificationCodes.AbiMismatch + ": pins[1]")]
    [DataRow("policy-violation", VerificationCodes.PolicyViolation + ": pins[1]")]
    [DataRow("one-pin-artifact-tampered", VerificationCodes.ArtifactMismatch + ": pins[1]")]
    [DataRow("one-pin-artifact-truncated", VerificationCodes.ArtifactMismatch + ": pins[1]")]
    [DataRow("one-pin-abi-wrong", VerificationCodes.AbiMismatch + ": pins[1]")]
    [DataRow("missing-artifact", VerificationCodes.ArtifactMissing + ": pins[0]")]
    [DataRow("pin-without-artifact", VerificationCodes.ArtifactMissing + ": pins[1]")]
    [DataRow("artifact-signature-mismatch", BindPrefix + "its artifact has no static Root(Double) returning Double")]
    [DataRow("artifact-without-entry-type", BindPrefix + "its artifact has no type Tests.NoSuchType")]
    [DataRow("artifact-not-an-assembly", BindPrefix + "its artifact is not a loadable assembly")]
    [DataRow("malformed-manifest", VerificationCodes.Malformed + ": ")]
    [DataRow("missing-manifest", "the manifest ")]
    [DataRow("damaged-applied-json", "")]
    [DataRow("damaged-trust-store", "")]
    public void Tampered_ServesEveryBaseline_WithTheReasonLogged(string tampering, string expectedReason)
    {
        using var project = new ResolverProject();
        var signed = Setup(project);
        var (root, scale) = (ResolverProject.RootRoute(), ResolverProject.ScaleRoute());
        var expectedFragment = Tamper(project, signed, tampering, ref root, ref scale);
        var appliedBefore = File.Exists(project.AppliedPath) ? File.ReadAllText(project.AppliedPath) : null;
        var resolver = project.Resolver(ResolverMode.Prod);

        resolver.Attach([root, scale]);

        var status = resolver.Status;
        Assert.IsNull(root.Served, $"{tampering}: Root served ({status.FallbackReason})");
        Assert.IsNull(scale.Served, $"{tampering}: Scale served ({status.FallbackReason})");
        Assert.IsFalse(resolver.Serving);
        Assert.AreEqual(0, project.ServingChanges);
        Assert.IsEmpty(status.Served);
        Assert.IsNull(status.ManifestId);
        Assert.IsNotNull(status.FallbackReason, tampering);
        Assert.StartsWith(expectedReason, status.FallbackReason, tampering);
        if (expectedFragment is not null)
        {
            Assert.Contains(expectedFragment, status.FallbackReason, tampering);
        }

        var fallback = project.Events("fallback");
        Assert.HasCount(1, fallback, tampering);
        Assert.AreEqual("prod", fallback[0].Mode);
        Assert.AreEqual(project.ManifestPath, fallback[0].Manifest);
        Assert.AreEqual(status.FallbackReason, fallback[0].Message);
        Assert.IsEmpty(project.Events("applied"), tampering);
        Assert.AreEqual(appliedBefore, File.Exists(project.AppliedPath) ? File.ReadAllText(project.AppliedPath) : null,
            "applied.json is untouched by a refused manifest");

        resolver.Dispose();
        Assert.IsFalse(Directory.Exists(project.UsageDirectory), "no usage is written when nothing is served");
    }

    /// <summary>A valid two-pin manifest (sequence 5): Root → Root42, Scale → Scale.</summary>
    private static SignedManifest Setup(ResolverProject project, SigningKey? key = null, Func<ManifestDocument, ManifestDocument>? change = null)
    {
        var draft = project.Draft(5,
            project.Pin(ResolverProject.RootId, TestArtifacts.Root42),
            project.Pin(ResolverProject.ScaleId, TestArtifacts.Scale));
        return project.WriteManifest(change is null ? draft : change(draft), key);
    }

    /// <summary>Applies one tampering; returns a fragment the reason must also contain, or null.</summary>
    private static string? Tamper(ResolverProject project, SignedManifest signed, string tampering, ref PinRoute root, ref PinRoute scale)
    {
        switch (tampering)
        {
            case "flipped-byte":
            {
                var bytes = File.ReadAllBytes(project.ManifestPath);
                var at = IndexOf(bytes, "release@example.com"u8) + 2;
                bytes[at] ^= 0x01;
                project.WriteManifestBytes(bytes);
                return null;
            }
            case "flipped-signature-bit":
            {
                var sig = Convert.FromBase64String(signed.Document.Signature!.Sig[ManifestSignature.SigPrefix.Length..]);
                sig[17] ^= 0x04;
                project.EditManifest(m => m["signature"]!["sig"] = ManifestSignature.SigPrefix + Convert.ToBase64String(sig));
                return null;
            }
            case "edited-pin-metric":
                project.EditManifest(m => m["pins"]![1]!["metrics"]!["accuracy"] = 0.9995);
                return null;
            case "edited-pin-id-recomputed":
                project.EditManifest(m =>
                {
                    m["pins"]![1]!["metrics"]!["accuracy"] = 0.9995;
                    m["manifest_id"] = ManifestCanonicalForm.ComputeId(m);
                });
                return null;
            case "edited-pin-resigned-by-stranger":
            {
                using var stranger = SigningKey.Generate("stranger", project.Now);
                project.EditManifest(m =>
                {
                    m["pins"]![1]!["candidate"] = "diff://b3:" + Blake3Digest.Hex("someone else's candidate");
                    m["manifest_id"] = ManifestCanonicalForm.ComputeId(m);
                    var signature = stranger.Sign(ManifestCanonicalForm.SigningInput(m));
                    m["signature"] = new JsonObject
                    {
                        ["alg"] = "ed25519", ["key_id"] = stranger.KeyId.Value, ["sig"] = "base64:" + Convert.ToBase64String(signature),
                    };
                });
                return stranger.KeyId.Value;
            }
            case "untrusted-key":
            {
                using var stranger = SigningKey.Generate("stranger", project.Now);
                Setup(project, stranger);
                return stranger.KeyId.Value;
            }
            case "revoked-key":
                project.Trust.Revoke(project.Key.KeyId, "laptop lost");
                return "laptop lost";
            case "expired":
                Setup(project, change: d => d with { CreatedAt = project.Now.AddDays(-30), ExpiresAt = project.Now.AddSeconds(-1) });
                return null;
            case "not-yet-valid":
                Setup(project, change: d => d with { CreatedAt = project.Now.AddDays(1), ExpiresAt = project.Now.AddDays(30) });
                return null;
            case "replayed-older-sequence":
                new AppliedManifests(project.SigilDirectory).Record(ResolverProject.Spec,
                    new AppliedManifest(9, "manifest://b3:" + Blake3Digest.Hex("a later manifest")));
                return "below the last applied 9";
            case "same-sequence-other-manifest":
                new AppliedManifests(project.SigilDirectory).Record(ResolverProject.Spec,
                    new AppliedManifest(5, "manifest://b3:" + Blake3Digest.Hex("another manifest of sequence 5")));
                return "already applied";
            case "abi-mismatch":
                root = ResolverProject.RootRoute(ResolverProject.FunctionIdOf(ResolverProject.RootName, abiSeed: "changed signature"));
                return "current build has";
            case "pin-not-in-build":
                scale = new PinRoute(ResolverProject.FunctionIdOf("Kernels.Other(double)"), typeof(Func<double, double>));
                return "no longer exists";
            case "policy-violation":
                Setup(project, change: d => d with { Pins = [d.Pins[0], d.Pins[1] with { Metrics = new Dictionary<string, double> { ["accuracy"] = 0.95 } }] });
                return "accuracy";
            case "one-pin-artifact-tampered":
            {
                var path = project.ArtifactPath(TestArtifacts.Scale);
                var bytes = File.ReadAllBytes(path);
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                return "hashes to";
            }
            case "one-pin-artifact-truncated":
            {
                var path = project.ArtifactPath(TestArtifacts.Scale);
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..^1]);
                return "bytes but the manifest signed";
            }
            case "one-pin-abi-wrong":
                scale = ResolverProject.ScaleRoute(ResolverProject.FunctionIdOf(ResolverProject.ScaleName, abiSeed: "changed"));
                return "Kernels.Scale(double)";
            case "missing-artifact":
                File.Delete(project.ArtifactPath(TestArtifacts.Root42));
                return "cannot be read";
            case "pin-without-artifact":
                Setup(project, change: d => d with { Pins = [d.Pins[0], d.Pins[1] with { Artifact = null }] });
                return "no compiled artifact";
            case "artifact-signature-mismatch":
                Setup(project, change: d => d with
                {
                    Pins = [project.Pin(ResolverProject.RootId, TestArtifacts.WrongSignature), d.Pins[1]],
                });
                return null;
            case "artifact-without-entry-type":
                Setup(project, change: d => d with
                {
                    Pins = [d.Pins[0] with { Artifact = TestArtifacts.Root42.PinArtifact with { EntryType = "Tests.NoSuchType" } }, d.Pins[1]],
                });
                return null;
            case "artifact-not-an-assembly":
            {
                var garbage = new TestArtifact("garbage", System.Text.Encoding.UTF8.GetBytes("MZ but not an assembly at all"), TestArtifacts.EntryType);
                Setup(project, change: d => d with { Pins = [project.Pin(ResolverProject.RootId, garbage), d.Pins[1]] });
                return null;
            }
            case "malformed-manifest":
                project.WriteManifestText("{ \"schema\": \"sigil/manifest@0\", ");
                return null;
            case "missing-manifest":
                File.Delete(project.ManifestPath);
                return "cannot be read";
            case "damaged-applied-json":
                Directory.CreateDirectory(Path.GetDirectoryName(project.AppliedPath)!);
                File.WriteAllText(project.AppliedPath, "{ not json");
                return AppliedManifests.FileName;
            case "damaged-trust-store":
                File.WriteAllText(project.Trust.FilePath, "{ \"keys\": 3 }");
                return TrustStore.FileName;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, "unknown tampering");
        }
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        return at >= 0 ? at : throw new InvalidOperationException("the manifest does not contain the text to flip");
    }
}
