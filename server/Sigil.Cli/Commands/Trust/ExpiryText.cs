using System.Globalization;
using System.Text.RegularExpressions;

namespace Sigil.Cli.Commands.Trust;

/// <summary><c>--expires</c>: a whole number and a unit, <c>90d</c>, <c>12h</c>, <c>2w</c>, <c>30m</c>, <c>1y</c> (365 days).</summary>
internal static partial class ExpiryText
{
    /// <summary>The shortest expiry a manifest may have.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    /// <summary>The longest expiry a manifest may have (ten years, as the promote service allows).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3660);

    /// <summary>Parses <paramref name="text"/>; null and an error message when it is malformed or out of range.</summary>
    public static TimeSpan? Parse(string text, out string? error)
    {
        error = null;
        var match = Pattern().Match(text ?? string.Empty);
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000_000)
        {
            error = $"--expires '{text}' is not a duration; write a whole number and a unit: m (minutes), h (hours), d (days), w (weeks) or y (365 days), e.g. 90d.";
            return null;
        }
        var value = match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            "w" => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.FromDays(365 * n),
        };
        if (value < Shortest || value > Longest)
        {
            error = $"--expires {text} is out of range; a manifest must stay valid between 1 minute and 10 years (3660d), e.g. 90d (the default).";
            return null;
        }
        return value;
    }

    [GeneratedRegex("^(?<n>[0-9]+)(?<unit>[mhdwy])$")]
    private static partial Regex Pattern();
}
