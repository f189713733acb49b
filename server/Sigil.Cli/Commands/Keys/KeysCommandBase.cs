using System.Globalization;
using Sigil.Manifests.Keys;
using Sigil.Projects;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Keys;

/// <summary>
/// What the <c>sigil keys</c> commands share: the key store of this machine, the project and key-name checks. Their
/// errors (<see cref="KeyStoreException"/>, <see cref="TrustStoreException"/>) reach the one error boundary of
/// <see cref="SigilApp"/>, which prints them as one line and exits 1.
/// </summary>
/// <typeparam name="TSettings">The command's options.</typeparam>
public abstract class KeysCommandBase<TSettings> : Command<TSettings>
    where TSettings : ProjectSettings
{
    /// <summary>Performs the command.</summary>
    protected abstract int Run(TSettings settings);

    /// <inheritdoc />
    protected sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken) => Run(settings);

    /// <summary>The private keys of this machine: <c>$SIGIL_KEYS_DIR</c>, else <c>~/.config/sigil/keys</c>.</summary>
    protected static SigningKeyStore OpenKeyStore() => new(SigningKeyStore.DefaultDirectory());

    /// <summary>The project (<c>--project</c> or the nearest <c>sigil.json</c>) or an error saying how to make one.</summary>
    protected static SigilPaths FindProject(ProjectSettings settings) =>
        ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);

    /// <summary>Like <see cref="FindProject"/>, but null when no <c>--project</c> was given and none is found.</summary>
    protected static SigilPaths? TryFindProject(ProjectSettings settings)
    {
        try
        {
            return FindProject(settings);
        }
        catch (SigilProjectException) when (string.IsNullOrWhiteSpace(settings.Project))
        {
            return null;
        }
    }

    /// <summary>Returns <paramref name="name"/> or throws saying what a key name may contain.</summary>
    protected static string RequireName(string name, string what) =>
        KeyName.IsValid(name) ? name : throw new SigilProjectException(
            $"{what} '{name}' is invalid; use 1 to 64 characters from a-z, 0-9, '.', '_' and '-', starting with a letter or digit (e.g. 'release-2026').");

    /// <summary>The timestamp form of sigil.keys.json: <c>2026-12-05T14:00:00Z</c>.</summary>
    protected static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Standard base64 of a raw public key, the form <c>sigil keys trust --public-key</c> takes.</summary>
    protected static string Base64(ReadOnlyMemory<byte> publicKey) => Convert.ToBase64String(publicKey.Span);
}
