using System.Text.Json;

namespace Sigil.Tracking.Log;

/// <summary>A segment's clock base (from its header): turns the writer's Stopwatch timestamps into UTC times.</summary>
internal readonly record struct SegmentClock(long UtcTicks, long Stopwatch, double TicksPerStopwatchTick)
{
    public static SegmentClock FromHeader(JsonElement header)
    {
        var clock = header.GetProperty("clock");
        return new SegmentClock(
            clock.GetProperty("utc_ticks").GetInt64(),
            clock.GetProperty("stopwatch").GetInt64(),
            TimeSpan.TicksPerSecond / (double)clock.GetProperty("frequency").GetInt64());
    }

    public DateTimeOffset ToUtc(long stopwatchTimestamp) =>
        new(UtcTicks + (long)((stopwatchTimestamp - Stopwatch) * TicksPerStopwatchTick), TimeSpan.Zero);
}
