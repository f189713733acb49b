using System.Text.Json;
using Sigil.Cli.Tests.Support;
using Sigil.Manifests.Model;

namespace Sigil.Cli.Tests.Commands.Trust;

/// <summary><c>sigil promote</c> through the real executable, on a git repository with a stored workspace and a trusted key.</summary>
[TestClass]
public sealed class PromoteCommandTests
{
    [TestMethod]
    public void Promote_WritesASignedManifestWithArtifacts_ThatVerifyAccepts()
    {
        using var project = TrustProject.CreateOnSample();
        var root = project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        var sum = project.AddCandidate(TrustProject.SumPin, TrustProject.FastSum, TrustProject.Speed(2.1, 1.9, 2.3));

        var promoted = project.Json("promote", "quickstart", "v1", "--key", "release", "--expires", "30d", "--author", "release-bot");

        var manifestId = promoted.GetProperty("manifest_id").GetString()!;
        StringAssert.StartsWith(manifestId, "manifest://b3:");
        Assert.AreEqual(project.DefaultManifest, promoted.GetProperty("manifest_path").GetString());
        Assert.IsTrue(File.Exists(project.DefaultManifest));
        Assert.AreEqual(Path.Combine(project.ProjectDirectory, ".sigil", "manifests", "quickstart-1.json"), promoted.GetProperty("record_path").GetString());
        Assert.AreEqual(1, promoted.GetProperty("sequence").GetInt64());
        Assert.AreEqual("release-bot", promoted.GetProperty("author").GetString());
        var created = DateTimeOffset.Parse(promoted.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(promoted.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(TimeSpan.FromDays(30), expires - created);
        var pins = promoted.GetProperty("pins").EnumerateArray().ToList();
        CollectionAssert.AreEqual(new[] { root.Id.ToString(), sum.Id.ToString() }, pins.Select(p => p.GetProperty("candidate").GetString()).ToArray());
        Assert.AreEqual(TrustProject.RootPin, pins[0].GetProperty("pin").GetString());
        Assert.AreEqual("RootError#holdout", pins[0].GetProperty("evaluator").GetString());
        Assert.AreEqual(2000, pins[0].GetProperty("n_trials").GetInt64());
        Assert.AreEqual(1.2, pins[0].GetProperty("ci").GetProperty("speedup").GetProperty("low").GetDouble());
        StringAssert.StartsWith(pins[0].GetProperty("evidence").GetString(), "speedup 1.4× (95% CI 1.2–1.6)");
        Assert.AreEqual(">", promoted.GetProperty("policy").GetProperty("constraints").GetProperty("speedup_ci_low").GetProperty("op").GetString());
        foreach (var pin in pins)
        {
            var digest = pin.GetProperty("artifact").GetProperty("digest").GetString()!;
            StringAssert.StartsWith(digest, "art://b3:");
            var file = Path.Combine(project.ProjectDirectory, PinArtifact.FolderName, digest["art://b3:".Length..] + ".dll");
            Assert.AreEqual(pin.GetProperty("artifact").GetProperty("size").GetInt64(), new FileInfo(file).Length, file);
        }
        var warnings = promoted.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.IsTrue(warnings.All(w => w.Contains("not in a git repository", StringComparison.Ordinal)), string.Join("\n", warnings));

        var verify = project.Sigil("verify", "sigil.manifest.json");

        Assert.AreEqual(0, verify.ExitCode, verify.ToString());
        StringAssert.Contains(verify.StandardOutput, "would be applied");
        StringAssert.Contains(verify.StandardOutput, manifestId);
        StringAssert.Contains(verify.StandardOutput, "quickstart (workspace v1), sequence 1");
        StringAssert.Contains(verify.StandardOutput, "release (ed25519:");
        StringAssert.Contains(verify.StandardOutput, "expires:   " + promoted.GetProperty("expires_at").GetString());
        StringAssert.Contains(verify.StandardOutput, $"{TrustProject.RootPin} ← {root.Id.Digest[..12]}: speedup 1.4×");
        StringAssert.Contains(verify.StandardOutput, TrustProject.SumPin);

        // The resolver needs each pin's artifact: without one the manifest would not be applied.
        File.Delete(Path.Combine(project.ProjectDirectory, PinArtifact.FolderName, pins[1].GetProperty("artifact").GetProperty("digest").GetString()!["art://b3:".Length..] + ".dll"));
        SigilCli.AssertFails(project.Sigil("verify", "sigil.manifest.json"), 1, "would not be applied (artifact-missing)");
    }

    [TestMethod]
    public void Promote_HumanOutput_NamesIdFilePinsWithEvidenceAndWarnings()
    {
        using var project = TrustProject.Create();
        var root = project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "notes.txt"), "not committed\n");

        var result = project.Sigil("promote", "quickstart", "v1", root.Id.Digest[..10], "--key", "release", "--out", "release.json", "--no-artifacts");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var output = result.StandardOutput;
        var written = Path.Combine(project.ProjectDirectory, "release.json");
        Assert.IsTrue(File.Exists(written));
        Assert.IsFalse(File.Exists(project.DefaultManifest));
        var manifestId = JsonDocument.Parse(File.ReadAllText(written)).RootElement.GetProperty("manifest_id").GetString()!;
        StringAssert.Contains(output, "Promoted " + manifestId);
        StringAssert.Contains(output, "written:   " + written);
        StringAssert.Contains(output, "signed by: release (ed25519:");
        StringAssert.Contains(output, $"{TrustProject.RootPin} ← {root.Id.Digest[..12]}: speedup 1.4× (95% CI 1.2–1.6)");
        StringAssert.Contains(output, "2000 trials, 20/20 samples correct");
        StringAssert.Contains(output, "no artifact: publish only");
        var warnings = output.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, warnings, output);
        Assert.IsTrue(warnings.Any(w => w.Contains("uncommitted changes", StringComparison.Ordinal)), output);
        Assert.IsTrue(warnings.Any(w => w.Contains("No artifacts were compiled", StringComparison.Ordinal)), output);
        Assert.AreEqual(string.Empty, result.StandardError.Trim());
    }

    [TestMethod]
    [DataRow("Kernels.Root(double): speedup_ci_low > 1.5 is not met (1.2)", "--constraint", "speedup_ci_low>1.5")]
    [DataRow("Kernels.Root(double): p99_ns <= 50 is not met (90)", "--constraint", "p99_ns <= 50")]
    [DataRow("Kernels.Root(double): cpu_ns < 10 cannot be checked: the evidence has no cpu_ns", "--constraint", "cpu_ns<10")]
    public void Promote_RefusedByAPolicyClause_ExitOneNamingIt_NothingWritten(string fragment, params string[] policy)
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        var before = project.Snapshot();

        var result = project.Sigil(["promote", "quickstart", "v1", "--key", "release", .. policy]);

        SigilCli.AssertFails(result, 1, fragment);
        Assert.AreEqual(string.Empty, result.StandardOutput.Trim(), result.ToString());
        Assert.IsFalse(File.Exists(project.DefaultManifest));
        Assert.IsFalse(Directory.Exists(Path.Combine(project.ProjectDirectory, ".sigil", "manifests")));
        Assert.AreEqual(before, project.Snapshot());
    }

    [TestMethod]
    public void Promote_DefaultPolicyUnmet_NamesTheClauseWithTheMeasuredValue()
    {
        using var project = TrustProject.Create();
        var root = project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.02, 0.987, 1.05, accepted: false));
        var before = project.Snapshot();

        var result = project.Sigil("promote", "quickstart", "v1", root.Id.ToString(), "--key", "release");

        SigilCli.AssertFails(result, 1, $"Kernels.Root(double): speedup_ci_low > 1 is not met (0.987); run 'sigil compare quickstart v1 {root.Id.Digest[..12]}'");
        Assert.AreEqual(before, project.Snapshot());
    }

    [TestMethod]
    [DataRow("nobody", "nobody")]
    [DataRow("stranger", "is not trusted by this project")]
    public void Promote_UnknownOrUntrustedKey_ExitOneAndNothingWritten(string key, string fragment)
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        new Sigil.Manifests.Keys.SigningKeyStore(project.KeysDirectory).New("stranger").Dispose();
        var before = project.Snapshot();

        var result = project.Sigil("promote", "quickstart", "v1", "--key", key);

        SigilCli.AssertFails(result, 1, fragment);
        Assert.AreEqual(before, project.Snapshot());
    }

    [TestMethod]
    public void Promote_ExistingOutput_RefusedUnlessForce_AndSequenceContinues()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        var first = project.Json("promote", "quickstart", "v1", "--key", "release", "--no-artifacts");
        var before = project.Snapshot();

        SigilCli.AssertFails(project.Sigil("promote", "quickstart", "v1", "--key", "release", "--no-artifacts"), 1, "exists already");
        Assert.AreEqual(before, project.Snapshot());

        var second = project.Json("promote", "quickstart", "v1", "--key", "release", "--no-artifacts", "--force");
        Assert.AreEqual(2, second.GetProperty("sequence").GetInt64());
        Assert.AreNotEqual(first.GetProperty("manifest_id").GetString(), second.GetProperty("manifest_id").GetString());
        StringAssert.Contains(File.ReadAllText(project.DefaultManifest), second.GetProperty("manifest_id").GetString()!);
        Assert.IsTrue(File.Exists(Path.Combine(project.ProjectDirectory, ".sigil", "manifests", "quickstart-1.json")), "the first copy is kept");
    }

    [TestMethod]
    public void Promote_NoWorkspace_SaysToRunFirst()
    {
        using var project = TrustProject.Create();

        SigilCli.AssertFails(project.Sigil("promote", "quickstart", "v1", "--key", "release"), 1, "run 'sigil run SPEC --name WS' first");
    }
}
