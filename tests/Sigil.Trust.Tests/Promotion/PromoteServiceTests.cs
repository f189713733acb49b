using Sigil.Trust.Errors;
using Sigil.Trust.Tests.Support;

namespace Sigil.Trust.Tests.Promotion;

[TestClass]
public sealed class PromoteServiceTests
{
    [TestMethod]
    public async Task Promote_WritesASignedManifestThatVerifies()
    {
        using var fixture = TrustFixture.Create();
        var root = fixture.AddCandidate(QuickStartSample.RootPin, QuickStartSample.FastRoot, HoldoutMetrics.Speed(1.4, 1.2, 1.6));
        var sum = fixture.AddCandidate(QuickStartSample.SumPin, QuickStartSample.FastSum, HoldoutMetrics.Speed(2.1, 1.9, 2.3, rounds: 50, samples: 8, correct: 8));

        var result = await fixture.PromoteAsync();

        Assert.AreEqual(fixture.DefaultManifest, result.ManifestPath);
        Assert.AreEqual(1L, result.Sequence);
        Assert.AreEqual(Path.Combine(fixture.ManifestRecords, "quickstart-1.json"), result.RecordPath);
        Assert.AreEqual(File.ReadAllText(result.ManifestPath), File.ReadAllText(result.RecordPath));
        Assert.AreEqual(TrustFixture.Email, result.Document.Author);
        Assert.AreEqual(fixture.RunGit("rev-parse", "HEAD").Trim(), result.Document.Codebase.Commit);
        Assert.AreEqual("repo", result.Document.Codebase.Repo);
        CollectionAssert.AreEqual(new[] { root.Id, sum.Id }, result.Pins.Select(p => p.Candidate).ToArray());
        var rootPin = result.Document.Pins[0];
        Assert.AreEqual(fixture.Functions[QuickStartSample.RootPin], rootPin.FunctionId);
        Assert.AreEqual(2000L, rootPin.Evidence.NTrials);
        Assert.AreEqual(new Sigil.Manifests.Model.ConfidenceInterval(1.2, 1.6), rootPin.Evidence.Ci["speedup"]);
        Assert.AreEqual(1.0, rootPin.Metrics["correct"]);
        Assert.AreEqual(400L, result.Document.Pins[1].Evidence.NTrials);
        Assert.AreEqual("RootError#holdout", result.Pins[0].Evaluator);
        Assert.AreEqual(">", result.Document.Policy.Constraints["speedup_ci_low"].Op);
        Assert.AreEqual("score_delta", result.Document.Policy.NonInferiority?.Metric);
        Assert.AreEqual(result.Document.CreatedAt.AddDays(90), result.Document.ExpiresAt);
        Assert.AreEqual(0, result.Warnings.Count, string.Join("\n", result.Warnings));

        var verdict = fixture.Verify(result.ManifestPath);
        Assert.IsTrue(verdict.Valid, verdict.Message);
        Assert.AreEqual(result.ManifestId, verdict.Summary?.ManifestId);
    }
}
