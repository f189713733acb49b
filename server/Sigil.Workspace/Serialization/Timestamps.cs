using System.Globalization;

namespace Sigil.Workspace.Serialization;

/// <summary>The one timestamp text form of the workspace: UTC, 100 ns precision, <c>Z</c> suffix.</summary>
internal static class Timestamps
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
