using Sigil.Optimizers.Generators.Budget;

namespace Sigil.Optimizers.Tests.Generators.Budget;

[TestClass]
public sealed class SpendTrackerTests
{
    [TestMethod]
    public void TryReserve_WithinCaps_HoldsUntilCommitted()
    {
        var tracker = new SpendTracker(new SpendLimits(MaxTokens: 1000, MaxUsd: 1m));

        Assert.IsTrue(tracker.TryReserve(600, 0.5m, out var reservation, out var refusal));
        Assert.IsNull(refusal);
        Assert.AreEqual(new SpendSnapshot(0, 0m, 600, 0.5m, 1, 0, 0), tracker.Snapshot());

        reservation!.Commit(150, 0.1m, costKnown: true);
        reservation.Commit(999, 9m, costKnown: true);
        reservation.Dispose();

        Assert.AreEqual(new SpendSnapshot(150, 0.1m, 0, 0m, 1, 0, 0), tracker.Snapshot(), "commit is once; dispose after commit releases nothing more");
    }

    [TestMethod]
    public void TryReserve_HeldBudgetCounts_RefusesWhatWouldPassTheCap()
    {
        var tracker = new SpendTracker(new SpendLimits(MaxTokens: 1000));
        Assert.IsTrue(tracker.TryReserve(600, 0m, out var held, out _));

        Assert.IsFalse(tracker.TryReserve(500, 0m, out var refused, out var refusal));

        Assert.IsNull(refused);
        StringAssert.Contains(refusal, "600 held");
        held!.Dispose();
        Assert.IsTrue(tracker.TryReserve(1000, 0m, out _, out _), "released budget is available again");
    }

    [TestMethod]
    public void TryReserve_UsdCap_Refuses()
    {
        var tracker = new SpendTracker(new SpendLimits(MaxUsd: 0.01m), initialUsd: 0.009m);

        Assert.IsFalse(tracker.TryReserve(10, 0.002m, out _, out var refusal));

        StringAssert.Contains(refusal, "$0.009 spent");
        Assert.AreEqual(1, tracker.Snapshot().Refused);
    }

    [TestMethod]
    public void TryReserve_ManyThreads_NeverOvershoots()
    {
        var tracker = new SpendTracker(new SpendLimits(MaxTokens: 10_000));
        var admitted = 0;

        Parallel.For(0, 2_000, i =>
        {
            if (tracker.TryReserve(7, 0m, out var reservation, out _))
            {
                Interlocked.Increment(ref admitted);
                reservation!.Commit(7, 0m, costKnown: true);
            }
        });

        var snapshot = tracker.Snapshot();
        Assert.AreEqual(10_000 / 7, admitted);
        Assert.AreEqual(admitted * 7L, snapshot.Tokens);
        Assert.AreEqual(0, snapshot.ReservedTokens);
        Assert.AreEqual(2_000 - admitted, snapshot.Refused);
    }
}
