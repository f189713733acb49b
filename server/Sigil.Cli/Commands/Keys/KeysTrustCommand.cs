using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Manifests.Keys;
using Sigil.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Keys;

/// <summary>
/// <c>sigil keys trust NAME</c> (one of your keys, by name) or <c>sigil keys trust --public-key BASE64 --name NAME</c>
/// (a colleague's public key): adds it to the project's sigil.keys.json. Trusting a key again under the same name
/// changes nothing; a revoked key cannot be trusted again.
/// </summary>
[Description("Trust one of your keys (NAME) or a colleague's public key (--public-key BASE64 --name NAME) in sigil.keys.json")]
public sealed class KeysTrustCommand : KeysCommandBase<KeysTrustCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>One of your keys, by name.</summary>
        [CommandArgument(0, "[NAME]")]
        [Description("One of your signing keys (see 'sigil keys list')")]
        public string? Key { get; init; }

        /// <summary>A colleague's public key.</summary>
        [CommandOption("--public-key <BASE64>")]
        [Description("A colleague's Ed25519 public key: standard base64 of its 32 bytes, as 'sigil keys new' prints it")]
        public string? PublicKey { get; init; }

        /// <summary>The name to trust <see cref="PublicKey"/> under.</summary>
        [CommandOption("--name <NAME>")]
        [Description("With --public-key: the name to trust it under (who holds the private key)")]
        public string? Name { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (PublicKey is null)
            {
                return string.IsNullOrWhiteSpace(Key)
                    ? ValidationResult.Error("Name the key to trust: 'sigil keys trust NAME' (one of yours) or 'sigil keys trust --public-key BASE64 --name NAME'.")
                    : Name is not null ? ValidationResult.Error("--name goes with --public-key; your own key is trusted under its own name.")
                    : ValidationResult.Success();
            }
            return Key is not null ? ValidationResult.Error($"Give either NAME ('{Key}') or --public-key, not both.")
                : string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--public-key needs --name NAME: who holds the private key, e.g. --name alice.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    protected override int Run(Settings settings)
    {
        var project = FindProject(settings);
        string name;
        byte[] publicKey;
        if (settings.PublicKey is { } text)
        {
            name = RequireName(settings.Name!, "--name");
            publicKey = ParsePublicKey(text);
        }
        else
        {
            name = RequireName(settings.Key!, "Key name");
            using var key = OpenKeyStore().Load(name);
            publicKey = key.PublicKey.ToArray();
        }
        var keyId = KeyId.FromPublicKey(publicKey);
        var trust = new TrustStore(project.ProjectDirectory);
        var already = trust.Find(keyId) is { IsRevoked: false };
        var entry = trust.Trust(publicKey, name);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                name = entry.Name,
                key_id = entry.KeyId.Value,
                public_key = Base64(entry.PublicKey),
                added_at = Time(entry.AddedAt),
                changed = !already,
                trust_file = trust.FilePath,
            });
            return 0;
        }
        CliConsole.Line(already
            ? $"{Markup.Escape(entry.KeyId.Value)} is already trusted as [bold]{Markup.Escape(entry.Name)}[/] in {Markup.Escape(trust.FilePath)}; nothing changed."
            : $"Trusted [bold]{Markup.Escape(entry.Name)}[/] {Markup.Escape(entry.KeyId.Value)} in [bold]{Markup.Escape(trust.FilePath)}[/]; commit that file.");
        return 0;
    }

    /// <summary>Standard base64 of 32 bytes that form an Ed25519 public key, or an error saying which part is wrong.</summary>
    private static byte[] ParsePublicKey(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new SigilProjectException(
                $"--public-key '{text}' is not valid base64; pass the 'public key' line 'sigil keys new' printed for the key.");
        }
        if (bytes.Length != KeyId.PublicKeyLength)
        {
            throw new SigilProjectException(
                $"--public-key decodes to {bytes.Length} bytes; an Ed25519 public key is {KeyId.PublicKeyLength}. Check that the whole key was copied.");
        }
        if (!Ed25519Verifier.IsValidPublicKey(bytes))
        {
            throw new SigilProjectException(
                "--public-key is 32 bytes but not a valid Ed25519 public key; check that it was copied whole, or ask its holder for it again.");
        }
        return bytes;
    }
}
