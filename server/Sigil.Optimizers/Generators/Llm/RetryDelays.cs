using System.Globalization;

namespace Sigil.Optimizers.Generators.Llm;

/// <summary>Waits between attempts: exponential backoff with jitter, and the endpoint's <c>Retry-After</c>.</summary>
public static class RetryDelays
{
    /// <summary>
    /// The wait after the <paramref name="failedAttempts"/>-th failed attempt (1-based): <paramref name="initial"/> ×
    /// 2^(n−1), capped at <paramref name="max"/>, then scaled by a factor in [0.5, 1) drawn from <paramref name="random"/>
    /// ("equal jitter": never less than half, so waits still grow; never in lockstep with other clients).
    /// </summary>
    public static TimeSpan Backoff(int failedAttempts, TimeSpan initial, TimeSpan max, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentNullException.ThrowIfNull(random);
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * random.NextDouble()));
    }

    /// <summary>
    /// The wait an endpoint asked for: <c>retry-after-ms</c> (milliseconds, as OpenAI sends) first, then
    /// <c>Retry-After</c> as seconds or an HTTP date (relative to <paramref name="now"/>); <c>null</c> when neither
    /// parses. Never negative.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? retryAfterMs, string? retryAfter, DateTimeOffset now)
    {
        if (double.TryParse(retryAfterMs?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && double.IsFinite(ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }
        var value = retryAfter?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        }
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
