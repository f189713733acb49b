using Sigil.Publishing.Tests.Support;

namespace Sigil.Publishing.Tests;

/// <summary>A failure after the branch was created restores the repository: original branch, no new branch, no patch.</summary>
[TestClass]
public sealed class PublisherRestoreTests
{
    [TestMethod]
    public async Task PublishAsync_PreCommitHookFails_RestoresTheRepository()
    {
        using var repository = TestRepository.WithSample();
        var hook = Path.Combine(repository.Root, ".git", "hooks", "pre-commit");
        File.WriteAllText(hook, "#!/bin/sh\necho 'policy: no commits today' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var before = RepositorySnapshot.Take(repository);

        var failed = await Assert.ThrowsExactlyAsync<PublishFailedException>(
            () => new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root(), Requests.Sum())));

        Assert.AreEqual("committing", failed.Step);
        Assert.AreEqual(0, failed.RestoreProblems.Count, failed.Message);
        StringAssert.Contains(failed.Message, "policy: no commits today");
        StringAssert.Contains(failed.Message, "Nothing was published: 'main' is checked out again");
        Assert.AreEqual(before, RepositorySnapshot.Take(repository));
        Assert.IsFalse(File.Exists(Requests.PatchPath(repository)));
    }

    [TestMethod]
    public async Task PublishAsync_PatchCannotBeWritten_RestoresTheRepositoryAfterTheCommit()
    {
        using var repository = TestRepository.WithSample();
        var blocker = Path.Combine(repository.Outside, "blocker");
        File.WriteAllText(blocker, "a file where a folder is needed");
        var request = Requests.For(repository, Requests.Root()) with { PatchPath = Path.Combine(blocker, "publish.patch") };
        var before = RepositorySnapshot.Take(repository);

        var failed = await Assert.ThrowsExactlyAsync<PublishFailedException>(() => new Publisher(repository.Options).PublishAsync(request));

        StringAssert.StartsWith(failed.Step, "writing the patch");
        Assert.AreEqual(0, failed.RestoreProblems.Count, failed.Message);
        Assert.AreEqual(before, RepositorySnapshot.Take(repository));
    }

    [TestMethod]
    public async Task PublishAsync_CancelledWhileCommitting_RestoresAndThrowsCancellation()
    {
        using var repository = TestRepository.WithSample();
        using var cancellation = new CancellationTokenSource();
        var progress = new ListProgress(report =>
        {
            if (report.StartsWith("Committing", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        });
        var before = RepositorySnapshot.Take(repository);

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => new Publisher(repository.Options).PublishAsync(Requests.For(repository, Requests.Root()), progress, cancellation.Token));

        Assert.AreEqual(before, RepositorySnapshot.Take(repository));
        Assert.IsTrue(progress.Reports.Any(r => r.StartsWith("Committing", StringComparison.Ordinal)), "the cancellation must come after the branch exists");
    }
}
