using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Manifests.Keys;
using Sigil.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Keys;

/// <summary>
/// <c>sigil keys revoke KEY_ID_OR_NAME --reason TEXT</c>: marks a trusted key revoked in sigil.keys.json. The entry
/// stays listed (with when and why), so manifests it signed fail loudly instead of looking unknown.
/// </summary>
[Description("Revoke a trusted key (it stays in sigil.keys.json, marked revoked with your reason)")]
public sealed class KeysRevokeCommand : KeysCommandBase<KeysRevokeCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The trusted key: its id or the name it is trusted under.</summary>
        [CommandArgument(0, "<KEY_ID_OR_NAME>")]
        [Description("The trusted key: its id (ed25519:...) or the name it is trusted under")]
        public string Key { get; init; } = "";

        /// <summary>Why it is revoked.</summary>
        [CommandOption("--reason <TEXT>")]
        [Description("Why the key is revoked (required; kept in sigil.keys.json), e.g. 'laptop lost'")]
        public string? Reason { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Key) ? ValidationResult.Error("Name the key to revoke: its id (ed25519:...) or the name it is trusted under.")
            : string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("--reason is required: say why the key is revoked, e.g. --reason 'laptop lost'.")
            : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override int Run(Settings settings)
    {
        var project = FindProject(settings);
        var trust = new TrustStore(project.ProjectDirectory);
        var keyId = Resolve(trust, settings.Key);
        var revoked = trust.Revoke(keyId, settings.Reason!);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                name = revoked.Name,
                key_id = revoked.KeyId.Value,
                revoked_at = Time(revoked.RevokedAt!.Value),
                revoked_reason = revoked.RevokedReason,
                trust_file = trust.FilePath,
            });
            return 0;
        }
        CliConsole.Line($"Revoked [bold]{Markup.Escape(revoked.Name)}[/] {Markup.Escape(revoked.KeyId.Value)} in [bold]{Markup.Escape(trust.FilePath)}[/] " +
            $"({Markup.Escape(revoked.RevokedReason ?? "")}); commit that file. Manifests it signed no longer verify.");
        return 0;
    }

    /// <summary>
    /// The key id <paramref name="text"/> names: a key id as is, or the name of the key trusted under it (the one in
    /// force; if every key of that name is revoked, the newest, so the store says it was already revoked).
    /// </summary>
    private static KeyId Resolve(TrustStore trust, string text)
    {
        if (text.StartsWith(KeyId.Prefix, StringComparison.Ordinal))
        {
            return KeyId.TryParse(text, out var id) ? id! : throw new SigilProjectException(
                $"Key id '{text}' is malformed; expected {KeyId.Prefix} followed by {KeyId.HexLength} lowercase hex characters (see 'sigil keys list').");
        }
        if (!KeyName.IsValid(text))
        {
            throw new SigilProjectException(
                $"'{text}' is neither a key id ({KeyId.Prefix}...) nor a key name (a-z, 0-9, '.', '_', '-'); see 'sigil keys list'.");
        }
        var named = trust.List().Where(k => k.Name == text).ToList();
        var active = named.Where(k => !k.IsRevoked).ToList();
        return active.Count switch
        {
            1 => active[0].KeyId,
            > 1 => throw new SigilProjectException(
                $"Several trusted keys are named '{text}' in {trust.FilePath} ({string.Join(", ", active.Select(k => k.KeyId.Value))}); revoke one by its key id."),
            _ when named.Count > 0 => named[^1].KeyId,
            _ => throw new SigilProjectException(
                $"No trusted key named '{text}' in {trust.FilePath}; see 'sigil keys list' for the trusted keys and their ids."),
        };
    }
}
