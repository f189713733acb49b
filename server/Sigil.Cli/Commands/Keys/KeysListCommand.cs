using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Manifests.Keys;
using Spectre.Console;

namespace Sigil.Cli.Commands.Keys;

/// <summary>
/// <c>sigil keys [list]</c>: the private keys of this machine and the keys the project trusts, in two tables; each side
/// says whether the other holds the same key. Outside a project (and without --project) only the private keys are listed.
/// </summary>
[Description("List your signing keys and the keys this project trusts (sigil.keys.json), revoked ones included")]
public sealed class KeysListCommand : KeysCommandBase<ProjectSettings>
{
    /// <inheritdoc />
    protected override int Run(ProjectSettings settings)
    {
        var keys = OpenKeyStore();
        var project = TryFindProject(settings);
        var trust = project is null ? null : new TrustStore(project.ProjectDirectory);
        var trusted = trust?.List() ?? [];
        var local = keys.List();
        var byId = trusted.ToDictionary(k => k.KeyId);
        var localIds = local.Select(k => k.KeyId).ToHashSet();

        if (settings.Json)
        {
            CliConsole.Json(new
            {
                keys_directory = keys.Directory,
                trust_file = trust?.FilePath,
                local = local.Select(k => new
                {
                    name = k.Name,
                    key_id = k.KeyId.Value,
                    created_at = Time(k.CreatedAt),
                    path = k.Path,
                    trusted = byId.TryGetValue(k.KeyId, out var t) && !t.IsRevoked,
                    revoked = t?.IsRevoked ?? false,
                }),
                trusted = trusted.Select(k => new
                {
                    name = k.Name,
                    key_id = k.KeyId.Value,
                    public_key = Base64(k.PublicKey),
                    added_at = Time(k.AddedAt),
                    revoked = k.IsRevoked,
                    revoked_at = k.RevokedAt is { } at ? Time(at) : null,
                    revoked_reason = k.RevokedReason,
                    local = localIds.Contains(k.KeyId),
                }),
            });
            return 0;
        }

        CliConsole.Line($"[bold]Signing keys[/] in {Markup.Escape(keys.Directory)}");
        if (local.Count == 0)
        {
            CliConsole.Line("  none; create one with 'sigil keys new NAME'.");
        }
        else
        {
            var table = CliConsole.NewTable("name", "key id", "created", "trusted here", "path");
            foreach (var k in local)
            {
                var status = !byId.TryGetValue(k.KeyId, out var t) ? "[grey]no[/]" : t.IsRevoked ? "[red]revoked[/]" : "[green]yes[/]";
                table.AddRow(new Text(k.Name), new Text(k.KeyId.Value), new Text(Time(k.CreatedAt)), new Markup(status), new Text(k.Path));
            }
            CliConsole.Out.Write(table);
        }

        if (trust is null)
        {
            CliConsole.Hint("Not in a Sigil project, so no trusted keys are shown; pass --project DIR or run this in a project.");
            return 0;
        }
        CliConsole.Line($"[bold]Trusted keys[/] in {Markup.Escape(trust.FilePath)}");
        if (trusted.Count == 0)
        {
            CliConsole.Line("  none; trust one with 'sigil keys trust NAME' or 'sigil keys trust --public-key BASE64 --name NAME'.");
            return 0;
        }
        var trustTable = CliConsole.NewTable("name", "key id", "added", "status", "yours");
        foreach (var k in trusted)
        {
            var status = k.RevokedAt is { } at
                ? new Markup($"[red]revoked[/] {Markup.Escape(Time(at))}: {Markup.Escape(k.RevokedReason ?? "")}")
                : new Markup("[green]trusted[/]");
            trustTable.AddRow(new Text(k.Name), new Text(k.KeyId.Value), new Text(Time(k.AddedAt)), status,
                new Text(localIds.Contains(k.KeyId) ? "yes" : "no"));
        }
        CliConsole.Out.Write(trustTable);
        return 0;
    }
}
