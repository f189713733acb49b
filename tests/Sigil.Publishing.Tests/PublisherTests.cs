using System.Text;
using Sigil.Publishing.Tests.Support;

namespace Sigil.Publishing.Tests;

[TestClass]
public sealed class PublisherTests
{
    [TestMethod]
    public async Task PublishAsync_OnePin_OneCommitOnTheNewBranchCarryingTheEvidence()
    {
        using var repository = TestRepository.WithSample();
        var mainBefore = repository.Git("rev-parse", "main");
        var progress = new ListProgress();

        var result = await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root()), progress);

        Assert.AreEqual(Requests.Branch, result.BranchName);
        Assert.AreEqual("main", result.OriginalBranch);
        CollectionAssert.AreEqual(new[] { SampleSources.KernelsPath }, result.ChangedFiles.ToArray());
        Assert.AreEqual("1", repository.Git("rev-list", "--count", "main.." + Requests.Branch).Trim());
        Assert.AreEqual(result.CommitSha, repository.Git("rev-parse", Requests.Branch).Trim());
        Assert.AreEqual(mainBefore, repository.Git("rev-parse", "main"));
        var message = repository.Git("log", "-1", "--format=%B", Requests.Branch);
        StringAssert.StartsWith(message, Requests.Title + "\n\n" + Requests.Body + "\n\n");
        StringAssert.Contains(message, "- Kernels.Root(double) in src/Kernels.cs\n  candidate: diff://b3:root1111\n  evidence: Root: 3.10x faster (95% CI 2.9-3.3), 0/400 output mismatches\n");
        Assert.IsTrue(progress.Reports.Count >= 4, string.Join("\n", progress.Reports));
    }

    [TestMethod]
    public async Task PublishAsync_Published_OriginalBranchIsCheckedOutAgainUnchanged()
    {
        using var repository = TestRepository.WithSample();
        var before = repository.Read(SampleSources.KernelsPath);

        await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root(), Requests.Sum()));

        Assert.AreEqual("main", repository.CurrentBranch);
        CollectionAssert.AreEqual(before, repository.Read(SampleSources.KernelsPath));
        Assert.AreEqual(string.Empty, repository.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [TestMethod]
    public async Task PublishAsync_TwoPins_BranchFileDiffersOnlyInTheTwoMethods()
    {
        using var repository = TestRepository.WithSample();

        await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root(), Requests.Sum()));

        Assert.AreEqual(SampleSources.KernelsWithBoth, repository.Git("show", Requests.Branch + ":" + SampleSources.KernelsPath));
        Assert.AreEqual(SampleSources.KernelsPath, repository.Git("diff", "--name-only", "main", Requests.Branch).Trim());
    }

    [TestMethod]
    public async Task PublishAsync_CrlfFileWithBom_StaysCrlfWithBom()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        using var repository = TestRepository.WithSample();
        repository.WriteBytes(SampleSources.KernelsPath, [.. bom, .. Encoding.UTF8.GetBytes(SampleSources.Kernels.Replace("\n", "\r\n"))]);
        repository.CommitAll("CRLF with BOM");

        await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root(), Requests.Sum()));

        var published = repository.GitBytes("show", Requests.Branch + ":" + SampleSources.KernelsPath);
        byte[] expected = [.. bom, .. Encoding.UTF8.GetBytes(SampleSources.KernelsWithBoth.Replace("\n", "\r\n"))];
        CollectionAssert.AreEqual(expected, published);
    }

    [TestMethod]
    public async Task PublishAsync_PinsInTwoFiles_OneCommitChangesBoth()
    {
        using var repository = TestRepository.WithSample();

        var result = await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root(), Requests.Area()));

        CollectionAssert.AreEquivalent(new[] { SampleSources.KernelsPath, SampleSources.GeometryPath }, result.ChangedFiles.ToArray());
        Assert.AreEqual("1", repository.Git("rev-list", "--count", "main.." + Requests.Branch).Trim());
        StringAssert.Contains(repository.Git("show", Requests.Branch + ":" + SampleSources.GeometryPath),
            "        [Sigil.Improve]\n        public double Area(double width, double height) => height * width; // rectangle\n");
        StringAssert.Contains(repository.Git("log", "-1", "--format=%B", Requests.Branch), "Pinned methods (2):");
    }

    [TestMethod]
    public async Task PublishAsync_Patch_AppliesToTheOriginalBranchAndGivesTheBranchFile()
    {
        using var repository = TestRepository.WithSample();

        var result = await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root(), Requests.Sum()));

        Assert.AreEqual(Requests.PatchPath(repository), result.PatchPath);
        StringAssert.Contains(File.ReadAllText(result.PatchPath), "Subject: [PATCH] " + Requests.Title);
        repository.Git("apply", "--check", result.PatchPath);
        repository.Git("apply", result.PatchPath);
        CollectionAssert.AreEqual(repository.GitBytes("show", Requests.Branch + ":" + SampleSources.KernelsPath), repository.Read(SampleSources.KernelsPath));
    }

    [TestMethod]
    public async Task PublishAsync_RelativePatchPath_WrittenUnderTheRepositoryFolder()
    {
        using var repository = TestRepository.WithSample();
        repository.Write(".gitignore", "bin/\nobj/\n*.log\n*.patch\n");
        repository.CommitAll("Ignore patches");
        var request = Requests.For(repository, Requests.Root()) with { PatchPath = "publish.patch" };

        var result = await new Publisher(repository.Options).PublishAsync(request);

        Assert.AreEqual(repository.Path("publish.patch"), result.PatchPath);
        Assert.IsTrue(File.Exists(result.PatchPath));
    }

    [TestMethod]
    public async Task PublishAsync_RepositoryWithoutIdentity_CommitsAsSigil()
    {
        using var repository = TestRepository.WithSample();
        repository.Git("config", "--unset", "user.name");
        repository.Git("config", "--unset", "user.email");

        await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root()));

        Assert.AreEqual("Sigil <sigil@localhost>", repository.Git("log", "-1", "--format=%an <%ae>", Requests.Branch).Trim());
    }

    [TestMethod]
    [DataRow("b3:0123ABCD4567ef89", "sigil/publish-0123abcd4567")]
    [DataRow("sigil-manifest://x@y/z:9f8e", "sigil/publish-9f8e")]
    public void DefaultBranchName_ManifestId_PrefixAndShortId(string manifestId, string expected)
    {
        Assert.AreEqual(expected, PublishRequest.DefaultBranchName(manifestId));
    }
}
