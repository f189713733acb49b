using System.Globalization;
using Sigil.Manifests.Keys;
using Spectre.Console;

namespace Sigil.Cli.Output;

/// <summary>Short texts the promote, verify and publish commands share: times, short ids, signers and warnings.</summary>
internal static class ManifestText
{
    /// <summary>The timestamp form of manifests: <c>2026-12-05T14:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first 12 hex digits of a <c>scheme://b3:&lt;digest&gt;</c> id (the whole text when it has no digest).</summary>
    public static string Short(string id)
    {
        var digest = id[(id.LastIndexOf(':') + 1)..];
        return digest.Length > 12 ? digest[..12] : digest;
    }

    /// <summary>
    /// The signer for people: <c>release (ed25519:…)</c> when the project trusts the key under a name, else the key id
    /// alone. Never fails: a damaged trust file is reported by the verification itself.
    /// </summary>
    public static string Signer(string projectDirectory, string keyId)
    {
        if (!KeyId.TryParse(keyId, out var id))
        {
            return keyId;
        }
        try
        {
            return new TrustStore(projectDirectory).Find(id!) is { } trusted ? $"{trusted.Name} ({keyId})" : keyId;
        }
        catch (TrustStoreException)
        {
            return keyId;
        }
    }

    /// <summary>Prints each warning on its own yellow line.</summary>
    public static void Warnings(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            CliConsole.Line($"[yellow]warning: {Markup.Escape(warning)}[/]");
        }
    }
}
