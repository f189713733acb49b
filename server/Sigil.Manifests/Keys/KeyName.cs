using System.Text.RegularExpressions;

namespace Sigil.Manifests.Keys;

/// <summary>Names of signing keys and trusted keys: <c>[a-z0-9][a-z0-9._-]{0,63}</c>, safe as a file name everywhere.</summary>
public static partial class KeyName
{
    /// <summary>True when <paramref name="name"/> is a valid key name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>Returns <paramref name="name"/> or throws <see cref="ArgumentException"/> saying what a name may contain.</summary>
    public static string Validate(string? name) =>
        IsValid(name) ? name! : throw new ArgumentException(
            $"Key name '{name}' is invalid; use 1 to 64 characters from a-z, 0-9, '.', '_' and '-', starting with a letter or digit (e.g. 'release-2026').",
            nameof(name));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
