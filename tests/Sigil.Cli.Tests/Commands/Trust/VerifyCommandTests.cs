using System.Text;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands.Trust;

/// <summary><c>sigil verify</c> through the real executable: exit 0 only for a manifest the resolver would apply.</summary>
[TestClass]
public sealed class VerifyCommandTests
{
    [TestMethod]
    public void Verify_Json_OfAValidManifest_SaysValidWithItsSummary()
    {
        using var project = TrustProject.CreateOnSample();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        var promoted = project.Json("promote", "quickstart", "v1", "--key", "release");

        var verdict = project.Json("verify", "sigil.manifest.json");

        Assert.IsTrue(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, verdict.GetProperty("code").ValueKind);
        var summary = verdict.GetProperty("summary");
        Assert.AreEqual(promoted.GetProperty("manifest_id").GetString(), summary.GetProperty("manifest_id").GetString());
        Assert.AreEqual(promoted.GetProperty("key_id").GetString(), summary.GetProperty("key_id").GetString());
        Assert.AreEqual(1, summary.GetProperty("sequence").GetInt64());
        Assert.AreEqual(TrustProject.RootPin, summary.GetProperty("pins")[0].GetProperty("pin").GetString());
        // The sample's newest build output (Debug or Release: the tests do not build it themselves).
        var assembly = verdict.GetProperty("assembly").GetString()!;
        StringAssert.StartsWith(assembly, Path.Combine(project.SourceDirectory, "bin") + Path.DirectorySeparatorChar);
        StringAssert.EndsWith(assembly, "QuickStart.dll");
    }

    [TestMethod]
    public void Verify_ManifestWithAFlippedByteInAPin_ExitOneNamingTheFailure()
    {
        using var project = TrustProject.Create();
        var root = project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--no-artifacts");
        var bytes = File.ReadAllBytes(project.DefaultManifest);
        var at = IndexOf(bytes, Encoding.UTF8.GetBytes(root.Id.Digest)) + 5;
        bytes[at] = (byte)(bytes[at] == (byte)'0' ? '1' : '0');
        File.WriteAllBytes(project.DefaultManifest, bytes);

        var result = project.Sigil("verify", "sigil.manifest.json");
        var json = project.Sigil("verify", "sigil.manifest.json", "--json");

        SigilCli.AssertFails(result, 1, $"{project.DefaultManifest} would not be applied (id-mismatch): ");
        Assert.AreEqual(string.Empty, result.StandardOutput.Trim());
        Assert.AreEqual(1, json.ExitCode, json.ToString());
        var verdict = System.Text.Json.JsonDocument.Parse(json.StandardOutput).RootElement;
        Assert.IsFalse(verdict.GetProperty("valid").GetBoolean());
        Assert.AreEqual("id-mismatch", verdict.GetProperty("code").GetString());
        StringAssert.Contains(result.ErrorLines[0], verdict.GetProperty("message").GetString()!);
    }

    [TestMethod]
    public void Verify_ManifestSignedByARevokedKey_ExitOne()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--no-artifacts");
        Assert.AreEqual(0, project.Sigil("keys", "revoke", "release", "--reason", "laptop lost").ExitCode);

        SigilCli.AssertFails(project.Sigil("verify", "sigil.manifest.json"), 1, "would not be applied (revoked-key)");
    }

    [TestMethod]
    public void Verify_ManifestWithoutArtifacts_WouldNotBeApplied()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--no-artifacts");

        SigilCli.AssertFails(project.Sigil("verify", "sigil.manifest.json"), 1, "would not be applied (artifact-missing)");
    }

    [TestMethod]
    public void Verify_MissingFile_SaysWhichFileAndWhatToGive()
    {
        using var project = TrustProject.Create();

        var result = project.Sigil("verify", "nope.json");

        SigilCli.AssertFails(result, 1, $"Cannot read the manifest {Path.Combine(project.ProjectDirectory, "nope.json")}");
        StringAssert.Contains(result.ErrorLines[0], "give the path of a manifest made by 'sigil promote'");
    }

    [TestMethod]
    public void Verify_PathIsTakenFromTheCurrentFolder_NotTheProject()
    {
        using var project = TrustProject.CreateOnSample();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../release.json");
        var manifest = Path.Combine(project.Home, "release.json");
        Assert.IsTrue(File.Exists(manifest));

        var result = Shell.Run(project.Home, "dotnet", [Path.Combine(AppContext.BaseDirectory, "sigil.dll"), "verify", "release.json", "--project", project.ProjectDirectory]);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardOutput, manifest + " would be applied");
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        throw new AssertFailedException("the candidate digest is not in the manifest");
    }
}
