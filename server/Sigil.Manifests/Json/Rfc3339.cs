using System.Globalization;
using System.Text.RegularExpressions;

namespace Sigil.Manifests.Json;

/// <summary>The one timestamp form Sigil's trust files use: RFC 3339 in UTC at whole seconds, <c>2026-12-05T14:00:00Z</c>.</summary>
internal static partial class Rfc3339
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The timestamp in UTC, truncated to whole seconds.</summary>
    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The time now from <paramref name="time"/>, truncated to whole seconds.</summary>
    public static DateTimeOffset Now(TimeProvider time) => Truncate(time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public static DateTimeOffset Parse(string text, string path)
    {
        if (Pattern().IsMatch(text) && DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        throw new JsonShapeException(path, $"'{text}' is not an RFC 3339 UTC timestamp at whole seconds such as 2026-12-05T14:00:00Z.");
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex Pattern();
}
