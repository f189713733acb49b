using Sigil.Publishing.Rewriting;
using Sigil.Publishing.Tests.Support;

namespace Sigil.Publishing.Tests;

/// <summary>
/// Where the <c>.patch</c> goes: by default into the git directory (<c>.git/sigil/patches/</c>), which is never part of
/// the working tree, so publishing twice in a row works; a path the user gives is honoured even when it dirties the tree,
/// with a warning.
/// </summary>
[TestClass]
public sealed class PatchLocationTests
{
    private const string OtherBranch = "sigil/publish-fedcba987654";

    private static PublishRequest Default(TestRepository repository, string branch, params PinRewrite[] pins) =>
        Requests.For(repository, pins) with { BranchName = branch, PatchPath = null };

    [TestMethod]
    public async Task DefaultPatch_IsWrittenUnderTheGitDirectory_AndLeavesTheTreeClean()
    {
        using var repository = TestRepository.WithSample();

        var result = await new Publisher(repository.Options).PublishAsync(Default(repository, Requests.Branch, Requests.Root()));

        Assert.AreEqual(repository.Path(".git/sigil/patches/sigil-publish-0123abcd4567.patch"), result.PatchPath);
        Assert.IsTrue(File.Exists(result.PatchPath));
        Assert.AreEqual(string.Empty, repository.Git("status", "--porcelain", "--untracked-files=all", "--ignored"));
        Assert.IsEmpty(result.Warnings);
        repository.Git("apply", "--check", result.PatchPath);
    }

    [TestMethod]
    public async Task SecondPublish_RightAfterTheFirst_Succeeds()
    {
        using var repository = TestRepository.WithSample();
        var publisher = new Publisher(repository.Options);

        var first = await publisher.PublishAsync(Default(repository, Requests.Branch, Requests.Root()));
        var second = await publisher.PublishAsync(Default(repository, OtherBranch, Requests.Area()));

        Assert.AreNotEqual(first.PatchPath, second.PatchPath);
        Assert.IsTrue(File.Exists(first.PatchPath));
        Assert.IsTrue(File.Exists(second.PatchPath));
        Assert.AreEqual(SampleSources.GeometryPath, repository.Git("diff", "--name-only", "main", OtherBranch).Trim());
        Assert.AreEqual(string.Empty, repository.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [TestMethod]
    public async Task DefaultPatch_FromALinkedWorktree_GoesToTheSharedGitDirectory()
    {
        using var repository = TestRepository.WithSample();
        var worktree = Path.Combine(repository.Outside, "wt");
        repository.Git("worktree", "add", "-q", "-b", "feature", worktree);

        var result = await new Publisher(repository.Options).PublishAsync(Default(repository, Requests.Branch, Requests.Root()) with { RepositoryFolder = worktree });

        Assert.AreEqual(repository.Path(".git/sigil/patches/sigil-publish-0123abcd4567.patch"), result.PatchPath);
        Assert.AreEqual("feature", result.OriginalBranch);
        Assert.AreEqual(string.Empty, repository.Git("-C", worktree, "status", "--porcelain", "--untracked-files=all"));
    }

    [TestMethod]
    public async Task ExplicitPatchInsideTheWorkingTree_IsWrittenAsAsked_WithAWarning_AndTheNextPublishSeesTheDirtyTree()
    {
        using var repository = TestRepository.WithSample();
        var publisher = new Publisher(repository.Options);

        var first = await publisher.PublishAsync(Requests.For(repository, Requests.Root()) with { PatchPath = "review.patch" });
        var refusal = await Assert.ThrowsExactlyAsync<PublishRefusedException>(
            () => publisher.PublishAsync(Default(repository, OtherBranch, Requests.Area())));

        Assert.AreEqual(repository.Path("review.patch"), first.PatchPath);
        Assert.IsTrue(File.Exists(first.PatchPath));
        var warning = Assert.ContainsSingle(first.Warnings);
        StringAssert.Contains(warning, "inside the working tree and git does not ignore it");
        StringAssert.Contains(warning, Path.Combine(".git", "sigil", "patches"));
        Assert.AreEqual(RefusalReasons.DirtyTree, refusal.Reason);
        StringAssert.Contains(refusal.Message, "review.patch");
    }

    [TestMethod]
    public async Task ExplicitPatchInAnIgnoredFolder_HasNoWarning_AndTheNextPublishSucceeds()
    {
        using var repository = TestRepository.WithSample();
        var publisher = new Publisher(repository.Options);

        var first = await publisher.PublishAsync(Requests.For(repository, Requests.Root()) with { PatchPath = "bin/review.patch" });
        var second = await publisher.PublishAsync(Default(repository, OtherBranch, Requests.Area()));

        Assert.AreEqual(repository.Path("bin/review.patch"), first.PatchPath);
        Assert.IsEmpty(first.Warnings);
        Assert.IsEmpty(second.Warnings);
    }

    [TestMethod]
    public async Task ExplicitPatchOutsideTheRepository_HasNoWarning()
    {
        using var repository = TestRepository.WithSample();

        var result = await new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root()));

        Assert.AreEqual(Requests.PatchPath(repository), result.PatchPath);
        Assert.IsEmpty(result.Warnings);
    }

    [TestMethod]
    public async Task DefaultPatchOfAnEarlierPublication_IsRefusedAsExisting()
    {
        using var repository = TestRepository.WithSample();
        var publisher = new Publisher(repository.Options);
        var first = await publisher.PublishAsync(Default(repository, Requests.Branch, Requests.Root()));
        repository.Git("branch", "-q", "-D", Requests.Branch);

        var refusal = await Assert.ThrowsExactlyAsync<PublishRefusedException>(
            () => publisher.PublishAsync(Default(repository, Requests.Branch, Requests.Root())));

        Assert.AreEqual(RefusalReasons.PatchExists, refusal.Reason);
        StringAssert.Contains(refusal.Message, first.PatchPath);
    }

    [TestMethod]
    [DataRow("sigil/publish-0123abcd4567", "sigil-publish-0123abcd4567.patch")]
    [DataRow("feature/x\"y", "feature-x-y.patch")]
    public void DefaultPatchFileName_IsTheBranchAsAFileName(string branch, string expected)
    {
        Assert.AreEqual(expected, PublishRequest.DefaultPatchFileName(branch));
    }
}
