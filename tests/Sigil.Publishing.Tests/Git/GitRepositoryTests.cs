using Sigil.Publishing.Git;
using Sigil.Publishing.Tests.Support;

namespace Sigil.Publishing.Tests.Git;

[TestClass]
public sealed class GitRepositoryTests
{
    [TestMethod]
    public async Task TryOpenAsync_Subfolder_ReturnsTheWorkingTreeRoot()
    {
        using var repository = TestRepository.WithSample();

        var opened = await GitRepository.TryOpenAsync(repository.Path("src"), repository.Options);

        Assert.AreEqual(repository.Root, opened!.Root);
    }

    [TestMethod]
    public async Task TryOpenAsync_FolderOutsideAnyRepository_ReturnsNull()
    {
        using var repository = TestRepository.Create();

        Assert.IsNull(await GitRepository.TryOpenAsync(repository.Outside, repository.Options));
    }

    [TestMethod]
    public async Task TryOpenAsync_MissingFolder_ThrowsDirectoryNotFound()
    {
        using var repository = TestRepository.Create();

        await Assert.ThrowsExactlyAsync<DirectoryNotFoundException>(() => GitRepository.TryOpenAsync(repository.Path("nope"), repository.Options));
    }

    [TestMethod]
    public async Task TryOpenAsync_GitNotInstalled_GitExceptionSaysToInstallGit()
    {
        using var repository = TestRepository.Create();
        var options = repository.Options with { Executable = Path.Combine(repository.Outside, "no-such-git") };

        var thrown = await Assert.ThrowsExactlyAsync<GitException>(() => GitRepository.TryOpenAsync(repository.Root, options));

        StringAssert.Contains(thrown.Message, "Install git");
        Assert.AreEqual(-1, thrown.ExitCode);
    }

    [TestMethod]
    public async Task GetDirtyPathsAsync_ModifiedUntrackedAndIgnored_ListsOnlyModifiedAndUntracked()
    {
        using var repository = TestRepository.WithSample();
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;
        Assert.IsTrue(await git.IsCleanAsync());
        repository.Write("src/Kernels.cs", "// changed\n");
        repository.Write("notes/todo.txt", "later\n");
        repository.Write("build.log", "ignored\n");

        var dirty = await git.GetDirtyPathsAsync();

        CollectionAssert.AreEquivalent(new[] { "src/Kernels.cs", "notes/todo.txt" }, dirty.ToArray());
        Assert.IsFalse(await git.IsCleanAsync());
    }

    [TestMethod]
    public async Task IsCleanAsync_OnlyIgnoredFiles_True()
    {
        using var repository = TestRepository.WithSample();
        repository.Write("bin/Debug/app.dll", "binary");
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        Assert.IsTrue(await git.IsCleanAsync());
    }

    [TestMethod]
    public async Task CommitAsync_NoIdentityConfigured_UsesTheSigilFallback()
    {
        using var repository = TestRepository.Create(withIdentity: false);
        repository.Write("a.txt", "a\n");
        repository.Git("add", "a.txt");
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        var sha = await git.CommitAsync("First\n\n# kept, not a comment\n");

        Assert.AreEqual("Sigil <sigil@localhost>|Sigil <sigil@localhost>", repository.Git("log", "-1", "--format=%an <%ae>|%cn <%ce>", sha).Trim());
        Assert.AreEqual("First\n\n# kept, not a comment", repository.Git("log", "-1", "--format=%B", sha).Trim());
    }

    [TestMethod]
    public async Task CommitAsync_IdentityConfigured_UsesIt()
    {
        using var repository = TestRepository.Create();
        repository.Write("a.txt", "a\n");
        repository.Git("add", "a.txt");
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        var sha = await git.CommitAsync("First");

        Assert.AreEqual("Ada Tester <ada@example.test>", repository.Git("log", "-1", "--format=%an <%ae>", sha).Trim());
        Assert.AreEqual(sha, await git.GetHeadCommitAsync());
    }

    [TestMethod]
    public async Task CheckoutAsync_UnknownBranch_GitExceptionCarriesCommandExitCodeAndStderr()
    {
        using var repository = TestRepository.WithSample();
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        var thrown = await Assert.ThrowsExactlyAsync<GitException>(() => git.CheckoutAsync("no-such-branch"));

        Assert.AreEqual("git checkout -q no-such-branch --", thrown.Command);
        Assert.AreNotEqual(0, thrown.ExitCode);
        StringAssert.Contains(thrown.StandardError, "no-such-branch");
        StringAssert.Contains(thrown.Message, "`git checkout -q no-such-branch --` failed with exit code");
    }

    [TestMethod]
    public async Task GetCurrentBranchAsync_DetachedHead_Null()
    {
        using var repository = TestRepository.WithSample();
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;
        Assert.AreEqual("main", await git.GetCurrentBranchAsync());

        repository.Git("checkout", "-q", "--detach");

        Assert.IsNull(await git.GetCurrentBranchAsync());
    }

    [TestMethod]
    public async Task GetHeadCommitAsync_NoCommitYet_Null()
    {
        using var repository = TestRepository.Create();
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        Assert.IsNull(await git.GetHeadCommitAsync());
    }

    [TestMethod]
    [DataRow("sigil/publish-0123abcd", true)]
    [DataRow("bad..name", false)]
    [DataRow("@{-1}", false)]
    [DataRow("-x", false)]
    [DataRow("has space", false)]
    [DataRow("HEAD", false)]
    public async Task IsValidBranchNameAsync_Name_ValidOnlyForGitBranchNames(string name, bool valid)
    {
        using var repository = TestRepository.WithSample();
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        Assert.AreEqual(valid, await git.IsValidBranchNameAsync(name));
    }

    [TestMethod]
    public async Task CreateBranchAsync_ThenCheckoutBack_BranchExistsAndOriginalIsCurrent()
    {
        using var repository = TestRepository.WithSample();
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;
        var head = (await git.GetHeadCommitAsync())!;

        await git.CreateBranchAsync("feature", head);
        Assert.AreEqual("feature", repository.CurrentBranch);
        await git.CheckoutAsync("main");

        Assert.IsTrue(await git.BranchExistsAsync("feature"));
        Assert.AreEqual("main", repository.CurrentBranch);
        await git.DeleteBranchAsync("feature");
        Assert.IsFalse(await git.BranchExistsAsync("feature"));
    }

    [TestMethod]
    public async Task GetTrackedAsync_TrackedUntrackedAndMissing_ReturnsOnlyTracked()
    {
        using var repository = TestRepository.WithSample();
        repository.Write("build.log", "x");
        var git = (await GitRepository.TryOpenAsync(repository.Root, repository.Options))!;

        var tracked = await git.GetTrackedAsync(["src/Kernels.cs", "build.log", "src/Missing.cs"]);

        CollectionAssert.AreEquivalent(new[] { "src/Kernels.cs" }, tracked.ToArray());
    }
}
