using System.Text.Json;
using Sigil.Cli.Tests.Support;

namespace Sigil.Cli.Tests.Commands.Trust;

/// <summary><c>sigil publish</c> through the real executable on a real git repository in a temp folder.</summary>
[TestClass]
public sealed class PublishCommandTests
{
    [TestMethod]
    public void Publish_MakesABranchWithTheCandidatesCode_AndLeavesTheWorkingTreeClean()
    {
        using var project = TrustProject.Create();
        var root = project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        var sum = project.AddCandidate(TrustProject.SumPin, TrustProject.FastSum, TrustProject.Speed(2.1, 1.9, 2.3));
        // Manifest and patch outside the repository, so the working tree stays exactly as committed.
        var promoted = project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../../release.json", "--no-artifacts");
        var kernels = File.ReadAllText(Path.Combine(project.ProjectDirectory, "Kernels.cs"));
        var head = project.Git("rev-parse", "HEAD").Trim();
        Assert.AreEqual(string.Empty, project.Git("status", "--porcelain"));

        var published = project.Json("publish", "../../release.json", "--patch", "../../release.patch");

        var shortId = promoted.GetProperty("manifest_id").GetString()!["manifest://b3:".Length..][..12];
        var branch = published.GetProperty("branch").GetString()!;
        Assert.AreEqual("sigil/publish-" + shortId, branch);
        Assert.AreEqual(promoted.GetProperty("manifest_id").GetString(), published.GetProperty("manifest_id").GetString());
        Assert.AreEqual("main", published.GetProperty("original_branch").GetString());
        Assert.AreEqual(Path.Combine(project.Home, "release.patch"), published.GetProperty("patch").GetString());
        CollectionAssert.AreEqual(new[] { "app/Kernels.cs" }, published.GetProperty("changed_files").EnumerateArray().Select(f => f.GetString()).ToArray());
        var commit = published.GetProperty("commit").GetString()!;
        Assert.AreEqual(commit, project.Git("rev-parse", "--verify", "refs/heads/" + branch).Trim());
        Assert.AreEqual(head, project.Git("rev-parse", commit + "^").Trim(), "one commit on top of main");

        var source = project.Git("show", $"{branch}:app/Kernels.cs");
        StringAssert.Contains(source, "return x <= 0 ? 0 : Math.Sqrt(x);");
        StringAssert.Contains(source, "total += (long)v * v;");
        StringAssert.Contains(source, "[Improve(\"quickstart\"");
        StringAssert.Contains(project.Git("log", "-1", "--format=%B", branch), "candidate: " + root.Id);
        StringAssert.Contains(project.Git("log", "-1", "--format=%B", branch), "candidate: " + sum.Id);
        Assert.IsTrue(File.ReadAllText(Path.Combine(project.Home, "release.patch")).Contains("+        return x <= 0 ? 0 : Math.Sqrt(x);", StringComparison.Ordinal));

        Assert.AreEqual("main", project.Git("rev-parse", "--abbrev-ref", "HEAD").Trim());
        Assert.AreEqual(head, project.Git("rev-parse", "HEAD").Trim());
        Assert.AreEqual(string.Empty, project.Git("status", "--porcelain", "--untracked-files=all"));
        Assert.AreEqual(kernels, File.ReadAllText(Path.Combine(project.ProjectDirectory, "Kernels.cs")));
    }

    [TestMethod]
    public void Publish_HumanOutput_NamesBranchCommitPatchAndFiles()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../../release.json", "--no-artifacts");

        var result = project.Sigil("publish", "../../release.json", "--branch", "sigil/quickstart-1", "--patch", "../../quickstart-1.patch");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var commit = project.Git("rev-parse", "--verify", "refs/heads/sigil/quickstart-1").Trim();
        StringAssert.Contains(result.StandardOutput, "branch: sigil/quickstart-1 (you are still on main, unchanged)");
        StringAssert.Contains(result.StandardOutput, "commit: " + commit);
        StringAssert.Contains(result.StandardOutput, "patch:  " + Path.Combine(project.Home, "quickstart-1.patch"));
        StringAssert.Contains(result.StandardOutput, "  app/Kernels.cs");
        Assert.AreEqual(string.Empty, result.StandardError.Trim(), "on a pipe, no progress lines");
        Assert.IsTrue(File.Exists(Path.Combine(project.Home, "quickstart-1.patch")));
    }

    [TestMethod]
    public void Publish_DirtyTree_RefusedAndNothingChanges()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../../release.json", "--no-artifacts");
        File.AppendAllText(Path.Combine(project.ProjectDirectory, "Program.cs"), "// local edit\n");
        var before = project.Snapshot();

        var result = project.Sigil("publish", "../../release.json", "--patch", "../../release.patch");

        SigilCli.AssertFails(result, 1, "app/Program.cs");
        Assert.AreEqual(before, project.Snapshot());
        Assert.AreEqual(string.Empty, project.Git("branch", "--list", "sigil/*"));
        Assert.IsFalse(File.Exists(Path.Combine(project.Home, "release.patch")));
    }

    [TestMethod]
    public void Publish_TakenBranch_RefusedAndNothingChanges()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../../release.json", "--no-artifacts");
        project.Git("branch", "taken");
        var before = project.Snapshot();

        var result = project.Sigil("publish", "../../release.json", "--branch", "taken", "--patch", "../../release.patch");

        SigilCli.AssertFails(result, 1, "taken");
        Assert.AreEqual(before, project.Snapshot());
    }

    [TestMethod]
    public void Publish_TamperedManifest_RefusedWithTheVerifierMessage()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../../release.json", "--no-artifacts");
        var manifest = Path.Combine(project.Home, "release.json");
        var text = File.ReadAllText(manifest);
        var tampered = text.Replace("\"n_trials\": 2000", "\"n_trials\": 2001", StringComparison.Ordinal);
        Assert.AreNotEqual(text, tampered);
        File.WriteAllText(manifest, tampered);
        var before = project.Snapshot();

        var result = project.Sigil("publish", "../../release.json", "--patch", "../../release.patch");

        SigilCli.AssertFails(result, 1, "The manifest does not verify, so it is not published");
        Assert.AreEqual(before, project.Snapshot());
    }

    [TestMethod]
    public void Publish_OutsideAGitRepository_SaysSo()
    {
        using var project = TrustProject.Create();
        project.AddCandidate(TrustProject.RootPin, TrustProject.FastRoot, TrustProject.Speed(1.4, 1.2, 1.6));
        project.Json("promote", "quickstart", "v1", "--key", "release", "--out", "../../release.json", "--no-artifacts");
        Directory.Move(Path.Combine(project.RepositoryRoot, ".git"), Path.Combine(project.Home, "git-aside"));

        SigilCli.AssertFails(project.Sigil("publish", "../../release.json"), 1, "is not inside a git repository");
        Assert.IsFalse(Directory.EnumerateFiles(project.ProjectDirectory, "*.patch").Any());
    }
}
