using Sigil.Evaluation.Samples;
using Sigil.Tracking.Query;

namespace Sigil.Evaluation.Tests.Samples;

/// <summary>Deduplication, the seeded cap, the holdout split and the digests, on real sample logs.</summary>
[TestClass]
public sealed class SampleSetSplitTests
{
    [TestMethod]
    public void Build_RepeatedArguments_KeptOnceUnlessDeduplicationIsOff()
    {
        using var log = new SampleLogFixture();
        foreach (var n in new[] { 1, 2, 1, 3, 2, 1 }) log.Twice(n);
        log.Flush();
        var selection = Selection();

        var deduplicated = SampleSetBuilder.Build(log.Log, selection);
        var all = SampleSetBuilder.Build(log.Log, selection with { Deduplicate = false });

        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, deduplicated.Visible.Select(s => s.Arguments[0]).ToArray());
        Assert.AreEqual(3, deduplicated.Duplicates);
        Assert.HasCount(6, all.Visible);
        Assert.AreEqual(0, all.Duplicates);
        Assert.AreNotEqual(deduplicated.Digest, all.Digest);
    }

    [TestMethod]
    public void Build_Cap_ReproducibleSubsampleThatDependsOnTheSeed()
    {
        using var log = LogWithCalls(200);
        var selection = Selection() with { MaxSamples = 50 };

        var first = SampleSetBuilder.Build(log.Log, selection);
        var again = SampleSetBuilder.Build(log.Log, selection);
        var otherSeed = SampleSetBuilder.Build(log.Log, selection with { Seed = 7 });

        Assert.AreEqual(50, first.Count);
        Assert.AreEqual(150, first.CappedOut);
        CollectionAssert.AreEqual(TraceIds(first.Visible), TraceIds(again.Visible));
        CollectionAssert.AreNotEqual(TraceIds(first.Visible), TraceIds(otherSeed.Visible));
        Assert.IsTrue(first.Visible.Zip(first.Visible.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp), "samples stay in call order");
        StringAssert.Contains(first.Describe(), "150 over the cap of 50");
    }

    [TestMethod]
    public void Build_Holdout_DisjointDeterministicAndNearItsShare()
    {
        using var log = LogWithCalls(500);
        var selection = Selection() with { HoldoutShare = 0.2 };

        var set = SampleSetBuilder.Build(log.Log, selection);
        var again = SampleSetBuilder.Build(log.Log, selection);

        Assert.AreEqual(500, set.Count);
        Assert.IsTrue(set.Holdout.Count is > 70 and < 130, $"{set.Holdout.Count} of 500 held out");
        Assert.IsFalse(TraceIds(set.Visible).Intersect(TraceIds(set.Holdout)).Any());
        CollectionAssert.AreEqual(TraceIds(set.Holdout), TraceIds(again.Holdout));
        Assert.AreEqual(set.Digest, again.Digest);
    }

    [TestMethod]
    public void Build_SeveralSeeds_DifferentSplitsEachNearTheShare()
    {
        using var log = LogWithCalls(400);

        var holdouts = Enumerable.Range(1, 5)
            .Select(seed => SampleSetBuilder.Build(log.Log, Selection() with { HoldoutShare = 0.2, Seed = seed }))
            .Select(set => TraceIds(set.Holdout).ToHashSet())
            .ToList();

        Assert.IsTrue(holdouts.All(h => h.Count is > 50 and < 110), string.Join(", ", holdouts.Select(h => h.Count)));
        // Independent 20% splits overlap in about 4% of the calls, far from all of them.
        Assert.IsTrue(holdouts.Skip(1).All(h => h.Intersect(holdouts[0]).Count() < h.Count / 2));
    }

    [TestMethod]
    public void Build_MoreCallsLater_EarlierSamplesKeepTheirSide()
    {
        using var log = LogWithCalls(150);
        var selection = Selection() with { HoldoutShare = 0.3, MaxSamples = null };
        var before = SampleSetBuilder.Build(log.Log, selection);

        for (var n = 1000; n < 1100; n++) log.Twice(n);
        log.Flush();
        var after = SampleSetBuilder.Build(log.Log, selection);

        Assert.AreEqual(250, after.Count);
        Assert.IsTrue(TraceIds(before.Holdout).ToHashSet().IsSubsetOf(TraceIds(after.Holdout)));
        Assert.IsTrue(TraceIds(before.Visible).ToHashSet().IsSubsetOf(TraceIds(after.Visible)));
        Assert.AreNotEqual(before.Digest, after.Digest);
    }

    [TestMethod]
    public void Build_RepeatedArgumentsWithoutDeduplication_AllCopiesOnOneSide()
    {
        using var log = new SampleLogFixture();
        for (var copy = 0; copy < 4; copy++)
        {
            for (var n = 0; n < 40; n++) log.Twice(n);
        }
        log.Flush();

        var set = SampleSetBuilder.Build(log.Log, Selection() with { Deduplicate = false, HoldoutShare = 0.5 });

        var visibleArguments = set.Visible.Select(s => s.TupleJson).ToHashSet();
        Assert.AreEqual(160, set.Count);
        Assert.IsNotEmpty(set.Holdout);
        Assert.IsFalse(set.Holdout.Any(s => visibleArguments.Contains(s.TupleJson)), "a held-out input was also visible");
    }

    [TestMethod]
    public void Build_SnapshotAfterMoreCalls_SameSetAndDigest()
    {
        using var log = LogWithCalls(30);
        var first = SampleSetBuilder.Build(log.Log, Selection() with { HoldoutShare = 0.2 });
        var id = first.Snapshot.Save(log.SigilDirectory);

        log.Twice(5000);
        log.Flush();
        var replayed = SampleSetBuilder.Build(log.Log, Selection() with { HoldoutShare = 0.2, Snapshot = LogSnapshot.Load(log.SigilDirectory, id) });

        Assert.AreEqual(first.SourceHash, replayed.SourceHash);
        Assert.AreEqual(first.Digest, replayed.Digest);
        CollectionAssert.AreEqual(TraceIds(first.Holdout), TraceIds(replayed.Holdout));
    }

    [TestMethod]
    public void Digest_AnySelectionChange_ChangesIt()
    {
        using var log = LogWithCalls(60);
        var baseSelection = Selection() with { HoldoutShare = 0.2, MaxSamples = 40 };
        SampleSelection[] variants =
        [
            baseSelection with { Seed = 1 },
            baseSelection with { HoldoutShare = 0.25 },
            baseSelection with { MaxSamples = 39 },
            baseSelection with { MaxSamples = null },
            baseSelection with { Deduplicate = false },
            baseSelection with { FunctionId = SampleLogFixture.TwiceId[..^10] },
        ];

        var digest = SampleSetBuilder.Build(log.Log, baseSelection).Digest;
        var digests = variants.Select(v => SampleSetBuilder.Build(log.Log, v).Digest).ToList();

        StringAssert.Matches(digest, new System.Text.RegularExpressions.Regex("^b3:[0-9a-f]{64}$"));
        Assert.AreEqual(digest, SampleSetBuilder.Build(log.Log, baseSelection).Digest);
        Assert.IsFalse(digests.Contains(digest));
        Assert.AreEqual(digests.Count, digests.Distinct().Count());
    }

    [TestMethod]
    public void PartDigest_TwoParts_DistinctAndStable()
    {
        using var log = LogWithCalls(20);
        var set = SampleSetBuilder.Build(log.Log, Selection() with { HoldoutShare = 0.2 });

        var visible = set.PartDigest(SamplePart.Visible);
        var holdout = set.PartDigest(SamplePart.Holdout);

        Assert.AreNotEqual(visible, holdout);
        Assert.AreNotEqual(set.Digest, visible);
        Assert.AreEqual(visible, SampleSetBuilder.Build(log.Log, Selection() with { HoldoutShare = 0.2 }).PartDigest(SamplePart.Visible));
    }

    [TestMethod]
    public void VisibleSketches_ManySamples_AtMostMaxSpreadOverThePart()
    {
        using var log = LogWithCalls(100);
        var set = SampleSetBuilder.Build(log.Log, Selection());

        var sketches = set.VisibleSketches(4);

        CollectionAssert.AreEqual(new[] { "n=0", "n=25", "n=50", "n=75" }, sketches.ToArray());
    }

    [TestMethod]
    public void VisibleSketches_WithHoldout_NeverShowAHeldOutInput()
    {
        using var log = LogWithCalls(100);
        var set = SampleSetBuilder.Build(log.Log, Selection() with { HoldoutShare = 0.3 });

        var shown = set.VisibleSketches(1000);

        Assert.HasCount(set.Visible.Count, shown);
        Assert.IsNotEmpty(set.Holdout);
        Assert.IsFalse(set.Holdout.Any(h => shown.Contains(h.Sketch)));
    }

    private static SampleSelection Selection() => SampleSetBuilderTests.Selection(SampleLogFixture.TwiceId, "n");

    private static SampleLogFixture LogWithCalls(int count)
    {
        var log = new SampleLogFixture();
        for (var n = 0; n < count; n++) log.Twice(n);
        log.Flush();
        return log;
    }

    private static string[] TraceIds(IEnumerable<Sample> samples) => samples.Select(s => s.TraceId).ToArray();
}
