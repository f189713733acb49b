using Sigil.Publishing;
using Sigil.Trust.Publication;
using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Publication;

/// <summary>
/// The patch of a publication goes to <c>.git/sigil/patches/</c> unless the user names a path, so a second
/// <c>sigil publish</c> right after the first finds a clean tree (on a real git repository in a temporary folder).
/// </summary>
[TestClass]
public sealed class PublishPatchLocationTests
{
    /// <summary>Two signed manifests committed side by side: one pins Root, the other SumOfSquares.</summary>
    private static async Task<(string Root, string Sum)> TwoManifestsAsync(TrustFixture fixture)
    {
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var sum = fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum, HoldoutMetrics.Speed(2.1, 1.9, 2.3));
        await fixture.PromoteAsync(r => r with { Candidates = [root.Id.ToString()], OutputPath = "root.manifest.json" });
        await fixture.PromoteAsync(r => r with { Candidates = [sum.Id.ToString()], OutputPath = "sum.manifest.json" });
        fixture.CommitAll("Promote quickstart twice");
        return ("root.manifest.json", "sum.manifest.json");
    }

    private static Task<PublishManifestResult> PublishAsync(TrustFixture fixture, string manifest, string? patch = null) =>
        new PublishService(fixture.Clock).PublishAsync(new PublishManifestRequest(manifest, fixture.Paths) { Git = fixture.Git, PatchPath = patch });

    [TestMethod]
    public async Task SecondPublish_OfAnotherManifest_RightAfterTheFirst_Succeeds()
    {
        using var fixture = TrustFixture.Create();
        var (root, sum) = await TwoManifestsAsync(fixture);

        var first = await PublishAsync(fixture, root);
        var second = await PublishAsync(fixture, sum);

        var patches = Path.Combine(fixture.RepositoryRoot, ".git", "sigil", "patches");
        Assert.AreEqual(patches, Path.GetDirectoryName(first.PatchPath));
        Assert.AreEqual(patches, Path.GetDirectoryName(second.PatchPath));
        Assert.AreNotEqual(first.BranchName, second.BranchName);
        Assert.AreEqual(string.Empty, fixture.RunGit("status", "--porcelain", "--untracked-files=all"));
        StringAssert.Contains(fixture.RunGit("show", $"{first.BranchName}:app/Kernels.cs"), "return Math.Sqrt(x);");
        StringAssert.Contains(fixture.RunGit("show", $"{second.BranchName}:app/Kernels.cs"), "total += (long)v * v;");
        Assert.IsEmpty(first.Warnings, string.Join("\n", first.Warnings));
        Assert.IsEmpty(second.Warnings, string.Join("\n", second.Warnings));
        foreach (var result in new[] { first, second })
        {
            StringAssert.Contains(File.ReadAllText(result.PatchPath), "Subject: [PATCH] Sigil: apply manifest");
        }
    }

    [TestMethod]
    public async Task ExplicitPatchInTheProject_IsWrittenThere_WithAWarning_AndTheNextPublishIsRefusedAsDirty()
    {
        using var fixture = TrustFixture.Create();
        var (root, sum) = await TwoManifestsAsync(fixture);

        var first = await PublishAsync(fixture, root, patch: "root.patch");
        var refusal = await Assert.ThrowsExactlyAsync<PublishRefusedException>(() => PublishAsync(fixture, sum));

        Assert.AreEqual(Path.Combine(fixture.ProjectDirectory, "root.patch"), first.PatchPath);
        StringAssert.Contains(Assert.ContainsSingle(first.Warnings), "inside the working tree and git does not ignore it");
        Assert.AreEqual(RefusalReasons.DirtyTree, refusal.Reason);
        StringAssert.Contains(refusal.Message, "app/root.patch");
    }
}
