using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Optimizers.Tests.Generators.Llm;

[TestClass]
public sealed class RetryDelaysTests
{
    [TestMethod]
    public void Backoff_Attempts_DoubleWithEqualJitterUpToTheCap()
    {
        var random = new SeededRandom(1);
        var initial = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(8);
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var wait = RetryDelays.Backoff(attempt, initial, max, random);
            var ceiling = Math.Min(Math.Pow(2, attempt - 1), 8);
            Assert.IsGreaterThanOrEqualTo(ceiling / 2, wait.TotalSeconds, $"attempt {attempt}");
            Assert.IsLessThan(ceiling, wait.TotalSeconds, $"attempt {attempt}");
        }
    }

    [TestMethod]
    public void Backoff_SameSeed_SameWaits()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.AreEqual(RetryDelays.Backoff(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), a),
                RetryDelays.Backoff(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), b));
        }
    }

    [TestMethod]
    public void ParseRetryAfter_Forms_AreUnderstood()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.AreEqual(TimeSpan.FromSeconds(3), RetryDelays.ParseRetryAfter(null, "3", now));
        Assert.AreEqual(TimeSpan.FromMilliseconds(1500), RetryDelays.ParseRetryAfter(null, "1.5", now));
        Assert.AreEqual(TimeSpan.FromMilliseconds(250), RetryDelays.ParseRetryAfter("250", "3", now), "retry-after-ms wins");
        Assert.AreEqual(TimeSpan.FromSeconds(30), RetryDelays.ParseRetryAfter(null, "Wed, 01 Jan 2025 12:00:30 GMT", now));
        Assert.AreEqual(TimeSpan.Zero, RetryDelays.ParseRetryAfter(null, "Wed, 01 Jan 2025 11:00:00 GMT", now));
        Assert.AreEqual(TimeSpan.Zero, RetryDelays.ParseRetryAfter(null, "-4", now));
        Assert.IsNull(RetryDelays.ParseRetryAfter(null, "soon", now));
        Assert.IsNull(RetryDelays.ParseRetryAfter(null, null, now));
    }
}
