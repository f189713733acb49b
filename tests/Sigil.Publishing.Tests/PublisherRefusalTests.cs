using Sigil.Publishing.Rewriting;
using Sigil.Publishing.Tests.Support;

namespace Sigil.Publishing.Tests;

/// <summary>Every refusal leaves the repository exactly as it was: same refs, status and files, and no patch.</summary>
[TestClass]
public sealed class PublisherRefusalTests
{
    [TestMethod]
    public async Task PublishAsync_ModifiedFile_RefusesDirtyTreeNamingIt()
    {
        using var repository = TestRepository.WithSample();
        repository.Write(SampleSources.GeometryPath, "// work in progress\n");

        var refused = await RefusedAsync(repository, Requests.For(repository, Requests.Root()), RefusalReasons.DirtyTree);

        StringAssert.Contains(refused.Message, SampleSources.GeometryPath);
        StringAssert.Contains(refused.Message, "commit or stash them");
    }

    [TestMethod]
    public async Task PublishAsync_UntrackedFile_RefusesDirtyTree()
    {
        using var repository = TestRepository.WithSample();
        repository.Write("notes.txt", "todo\n");

        var refused = await RefusedAsync(repository, Requests.For(repository, Requests.Root()), RefusalReasons.DirtyTree);

        StringAssert.Contains(refused.Message, "notes.txt");
    }

    [TestMethod]
    public async Task PublishAsync_SignatureChangedSinceApproval_RefusesCandidateDoesNotApply()
    {
        using var repository = TestRepository.WithSample(SampleSources.Kernels.Replace("public static double Root(double x)", "public static float Root(double x)"));

        await RefusedAsync(repository, Requests.For(repository, Requests.Root()), RefusalReasons.CandidateDoesNotApply);
    }

    [TestMethod]
    public async Task PublishAsync_SecondOfTwoPinsDoesNotApply_NothingIsWrittenForTheFirst()
    {
        using var repository = TestRepository.WithSample();
        var broken = Requests.Sum("public static int SumSquares(int[] values) => 0;");

        await RefusedAsync(repository, Requests.For(repository, Requests.Root(), Requests.Area(), broken), RefusalReasons.CandidateDoesNotApply);
    }

    [TestMethod]
    public async Task PublishAsync_MethodMissing_RefusesPinNotFound()
    {
        using var repository = TestRepository.WithSample(SampleSources.Kernels.Replace("Root(double x)", "SquareRoot(double x)"));

        var refused = await RefusedAsync(repository, Requests.For(repository, Requests.Root()), RefusalReasons.PinNotFound);

        StringAssert.Contains(refused.Message, "Kernels.Root(double) is not declared in 'src/Kernels.cs'");
    }

    [TestMethod]
    public async Task PublishAsync_BranchExists_RefusesBranchExists()
    {
        using var repository = TestRepository.WithSample();
        repository.Git("branch", Requests.Branch);

        var refused = await RefusedAsync(repository, Requests.For(repository, Requests.Root()), RefusalReasons.BranchExists);

        StringAssert.Contains(refused.Message, $"git branch -D {Requests.Branch}");
    }

    [TestMethod]
    public async Task PublishAsync_InvalidBranchName_RefusesInvalidBranchName()
    {
        using var repository = TestRepository.WithSample();

        await RefusedAsync(repository, Requests.For(repository, Requests.Root()) with { BranchName = "sigil/bad..name" }, RefusalReasons.InvalidBranchName);
    }

    [TestMethod]
    public async Task PublishAsync_PatchExists_RefusesPatchExistsAndKeepsIt()
    {
        using var repository = TestRepository.WithSample();
        File.WriteAllText(Requests.PatchPath(repository), "an older patch");
        var before = RepositorySnapshot.Take(repository);

        var refused = await Assert.ThrowsExactlyAsync<PublishRefusedException>(
            () => new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root())));

        Assert.AreEqual(RefusalReasons.PatchExists, refused.Reason);
        Assert.AreEqual(before, RepositorySnapshot.Take(repository));
        Assert.AreEqual("an older patch", File.ReadAllText(Requests.PatchPath(repository)));
    }

    [TestMethod]
    public async Task PublishAsync_NotARepository_RefusesWithAClearMessage()
    {
        using var repository = TestRepository.Create();
        var request = Requests.For(repository, Requests.Root()) with { RepositoryFolder = repository.Outside };

        var refused = await Assert.ThrowsExactlyAsync<PublishRefusedException>(() => new Publisher(repository.Options).PublishAsync(request));

        Assert.AreEqual(RefusalReasons.NotARepository, refused.Reason);
        StringAssert.Contains(refused.Message, $"'{repository.Outside}' is not inside a git repository");
        Assert.IsFalse(File.Exists(Requests.PatchPath(repository)));
    }

    [TestMethod]
    public async Task PublishAsync_DetachedHead_RefusesDetachedHead()
    {
        using var repository = TestRepository.WithSample();
        repository.Git("checkout", "-q", "--detach");

        await RefusedAsync(repository, Requests.For(repository, Requests.Root()), RefusalReasons.DetachedHead);
    }

    [TestMethod]
    public async Task PublishAsync_IgnoredSourceFile_RefusesFileNotTracked()
    {
        using var repository = TestRepository.WithSample();
        repository.Write("obj/Generated.cs", SampleSources.Kernels);
        var pin = Requests.Root() with { FilePath = "obj/Generated.cs" };

        await RefusedAsync(repository, Requests.For(repository, pin), RefusalReasons.FileNotTracked);
    }

    [TestMethod]
    public async Task PublishAsync_MissingSourceFile_RefusesFileNotFound()
    {
        using var repository = TestRepository.WithSample();

        await RefusedAsync(repository, Requests.For(repository, Requests.Root() with { FilePath = "src/Moved.cs" }), RefusalReasons.FileNotFound);
    }

    [TestMethod]
    [DataRow("../outside/Kernels.cs")]
    [DataRow("/etc/hosts")]
    public async Task PublishAsync_PathOutsideTheRepository_RefusesInvalidPath(string path)
    {
        using var repository = TestRepository.WithSample();

        await RefusedAsync(repository, Requests.For(repository, Requests.Root() with { FilePath = path }), RefusalReasons.InvalidPath);
    }

    [TestMethod]
    public async Task PublishAsync_ApprovedAlreadyInPlace_RefusesNothingToChange()
    {
        using var repository = TestRepository.WithSample();
        var cube = new PinRewrite(SampleSources.KernelsPath, SampleSources.CubePin, SampleSources.CubeUnchanged, "diff://b3:cube", "Cube: same");

        await RefusedAsync(repository, Requests.For(repository, cube), RefusalReasons.NothingToChange);
    }

    [TestMethod]
    public async Task PublishAsync_NoPins_ThrowsArgumentException()
    {
        using var repository = TestRepository.WithSample();

        await Assert.ThrowsExactlyAsync<ArgumentException>(() => new Publisher(repository.Options).PublishAsync(Requests.For(repository)));
    }

    private static async Task<PublishRefusedException> RefusedAsync(TestRepository repository, PublishRequest request, string reason)
    {
        var before = RepositorySnapshot.Take(repository);

        var refused = await Assert.ThrowsExactlyAsync<PublishRefusedException>(() => new Publisher(repository.Options).PublishAsync(request));

        Assert.AreEqual(reason, refused.Reason, refused.Message);
        Assert.AreEqual(before, RepositorySnapshot.Take(repository));
        Assert.IsFalse(File.Exists(request.PatchPath), "no patch may be written");
        return refused;
    }
}
