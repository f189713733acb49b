using Sigil.Candidates.Applying;
using Sigil.Core.Hashing;
using Sigil.Manifests.Signing;
using Sigil.Manifests.Verification;
using Sigil.Publishing;
using Sigil.Trust.Errors;
using Sigil.Trust.Promotion;
using Sigil.Trust.Publication;
using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Publication;

[TestClass]
public sealed class PublishServiceTests
{
    private const string WideRoot = """
        <<<<<<< SEARCH
                var guess = x / 2 + 1;
        =======
                var guess = Seed(x);
        >>>>>>> REPLACE
        <<<<<<< SEARCH
            /// <summary>Sum of squares through LINQ.</summary>
        =======
            private static double Seed(double x) => x / 2 + 1;

            /// <summary>Sum of squares through LINQ.</summary>
        >>>>>>> REPLACE
        """;

    /// <summary>Promotes, then commits the manifest as a user would before publishing.</summary>
    private static async Task<PromoteResult> PromoteAndCommitAsync(TrustFixture fixture)
    {
        var promoted = await fixture.PromoteAsync();
        fixture.CommitAll("Promote quickstart");
        return promoted;
    }

    private static Task<PublishManifestResult> PublishAsync(TrustFixture fixture, string manifest = "sigil.manifest.json") =>
        new PublishService(fixture.Clock).PublishAsync(new PublishManifestRequest(manifest, fixture.Paths) { Git = fixture.Git });

    [TestMethod]
    public async Task Publish_RewritesThePinnedMethodsOnABranch_WithTheEvidenceInTheCommit()
    {
        using var fixture = TrustFixture.Create();
        var parent = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, holdout: null);
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FasterRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6), parent);
        var sum = fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum, HoldoutMetrics.Speed(2.1, 1.9, 2.3));
        var promoted = await PromoteAndCommitAsync(fixture);
        var kernels = File.ReadAllText(Path.Combine(fixture.ProjectDirectory, "Kernels.cs"));
        var shortId = promoted.ManifestId["manifest://b3:".Length..][..12];

        var result = await PublishAsync(fixture);

        Assert.AreEqual("sigil/publish-" + shortId, result.BranchName);
        Assert.AreEqual("main", result.OriginalBranch);
        Assert.AreEqual("main", fixture.RunGit("rev-parse", "--abbrev-ref", "HEAD").Trim());
        CollectionAssert.AreEqual(new[] { "app/Kernels.cs" }, result.ChangedFiles.ToArray());
        Assert.AreEqual(Path.Combine(fixture.RepositoryRoot, ".git", "sigil", "patches", $"sigil-publish-{shortId}.patch"), result.PatchPath);
        Assert.IsTrue(File.Exists(result.PatchPath));
        Assert.AreEqual(kernels, File.ReadAllText(Path.Combine(fixture.ProjectDirectory, "Kernels.cs")), "the working tree is left as it was");
        Assert.AreEqual(0, result.Warnings.Count, string.Join("\n", result.Warnings));

        var published = fixture.RunGit("show", $"{result.BranchName}:app/Kernels.cs");
        StringAssert.Contains(published, "return x <= 0 ? 0 : Math.Sqrt(x);");
        StringAssert.Contains(published, "total += (long)v * v;");
        StringAssert.Contains(published, "[Improve(\"quickstart\", Eval = nameof(RootError), Workspace = \"v1\")]");
        StringAssert.Contains(published, "/// <summary>The eval (\"myeval\")");
        Assert.IsFalse(published.Contains("guess", StringComparison.Ordinal));

        var message = fixture.RunGit("log", "-1", "--format=%B", result.BranchName);
        StringAssert.StartsWith(message, $"Sigil: apply manifest {shortId} (quickstart)\n");
        StringAssert.Contains(message, "Manifest: " + promoted.ManifestId);
        StringAssert.Contains(message, "Author: " + TrustFixture.Email);
        StringAssert.Contains(message, "Created: " + promoted.Document.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
        StringAssert.Contains(message, "- Kernels.Root(double): speedup 1.4× (95% CI 1.2–1.6)");
        StringAssert.Contains(message, "candidate: " + root.Id);
        StringAssert.Contains(message, "candidate: " + sum.Id);
        StringAssert.Contains(message, "2000 trials");
    }

    [TestMethod]
    public async Task DirtyTree_IsRefused_AndNothingChanges()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        await PromoteAndCommitAsync(fixture);
        File.AppendAllText(Path.Combine(fixture.ProjectDirectory, "Program.cs"), "// local edit\n");
        var before = fixture.Snapshot();

        var refusal = await Assert.ThrowsExactlyAsync<PublishRefusedException>(() => PublishAsync(fixture));

        Assert.AreEqual(RefusalReasons.DirtyTree, refusal.Reason);
        Assert.AreEqual(before, fixture.Snapshot());
    }

    [TestMethod]
    public async Task AbiMismatch_IsRefusedWithTheVerifierMessage_AndNothingChanges()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var promoted = await fixture.PromoteAsync();
        var pin = promoted.Document.Pins[0];
        using (var key = fixture.LoadKey())
        {
            var draft = promoted.Document with { Pins = [pin with { FunctionId = pin.FunctionId with { AbiHash = Blake3Digest.Hex("edited") } }] };
            File.WriteAllText(promoted.ManifestPath, ManifestSigner.Sign(draft, key).Json);
        }
        fixture.CommitAll("Promote quickstart");
        var before = fixture.Snapshot();

        var refusal = await Assert.ThrowsExactlyAsync<TrustException>(() => PublishAsync(fixture));

        Assert.AreEqual(VerificationCodes.AbiMismatch, refusal.Code);
        StringAssert.Contains(refusal.Message, "pins[0] (QuickStart:Kernels.Root(double)) was approved for abi-hash");
        Assert.AreEqual(before, fixture.Snapshot());
    }

    [TestMethod]
    public async Task MethodEditedSinceTheManifest_IsRefused_AndNothingChanges()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        await PromoteAndCommitAsync(fixture);
        var kernels = Path.Combine(fixture.ProjectDirectory, "Kernels.cs");
        File.WriteAllText(kernels, File.ReadAllText(kernels).Replace("i < 40", "i < 30", StringComparison.Ordinal));
        fixture.CommitAll("Fewer steps");
        var before = fixture.Snapshot();

        var refusal = await Assert.ThrowsExactlyAsync<PublishRefusedException>(() => PublishAsync(fixture));

        Assert.AreEqual(RefusalReasons.CandidateDoesNotApply, refusal.Reason);
        StringAssert.Contains(refusal.Message, "changed since the candidate was made");
        Assert.AreEqual(before, fixture.Snapshot());
    }

    [TestMethod]
    public async Task CandidateChangingMoreThanItsMethod_IsRefused_AndNothingChanges()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, WideRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6), scope: EditScope.ContainingType);
        await PromoteAndCommitAsync(fixture);
        var before = fixture.Snapshot();

        var refusal = await Assert.ThrowsExactlyAsync<TrustException>(() => PublishAsync(fixture));

        Assert.AreEqual(TrustErrorCodes.UnsupportedCandidate, refusal.Code);
        StringAssert.Contains(refusal.Message, "changes code outside the pinned method in app/Kernels.cs");
        Assert.AreEqual(before, fixture.Snapshot());
    }

    [TestMethod]
    public async Task UnknownCommit_FallsBackToTheWorkingTree_WithAWarning()
    {
        using var fixture = TrustFixture.Create();
        fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var promoted = await fixture.PromoteAsync();
        using (var key = fixture.LoadKey())
        {
            var draft = promoted.Document with { Codebase = promoted.Document.Codebase with { Commit = new string('e', 40) } };
            File.WriteAllText(promoted.ManifestPath, ManifestSigner.Sign(draft, key).Json);
        }
        fixture.CommitAll("Promote quickstart");

        var result = await PublishAsync(fixture);

        StringAssert.Contains(result.Warnings.Single(), "rebuilt from the working tree");
        StringAssert.Contains(fixture.RunGit("show", $"{result.BranchName}:app/Kernels.cs"), "return Math.Sqrt(x);");
    }
}
