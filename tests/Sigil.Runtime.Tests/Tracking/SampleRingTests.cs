using Sigil.Runtime.Tracking;

namespace Sigil.Runtime.Tests.Tracking;

[TestClass]
public sealed class SampleRingTests
{
    [TestMethod]
    public void Enqueue_ThenDequeue_FirstInFirstOut()
    {
        var ring = new SampleRing<int>(4, () => { });
        ring.Enqueue(1);
        ring.Enqueue(2);
        ring.Enqueue(3);

        var drained = new List<int>();
        while (ring.TryDequeue(out var item))
        {
            drained.Add(item);
        }

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, drained);
    }

    [TestMethod]
    public void Enqueue_RingFull_WaitsForTheConsumerInsteadOfDropping()
    {
        using var full = new ManualResetEventSlim();
        var ring = new SampleRing<int>(2, full.Set);
        ring.Enqueue(1);
        ring.Enqueue(2);
        var producer = new Thread(() => ring.Enqueue(3)) { IsBackground = true };
        producer.Start();

        Assert.IsTrue(full.Wait(TimeSpan.FromSeconds(10)), "the producer reports the ring full");
        Assert.IsTrue(producer.IsAlive, "the producer waits while the ring is full");
        Assert.IsTrue(ring.TryDequeue(out var first));
        Assert.IsTrue(producer.Join(TimeSpan.FromSeconds(10)), "the producer finishes once there is room");
        Assert.IsTrue(ring.TryDequeue(out var second));
        Assert.IsTrue(ring.TryDequeue(out var third));
        Assert.AreEqual((1, 2, 3), (first, second, third));
        Assert.IsFalse(ring.TryDequeue(out _));
    }

    [TestMethod]
    public void Constructor_CapacityNotPowerOfTwo_Throws()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SampleRing<int>(3, () => { }));
    }
}
