using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Trust.Verification;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Trust;

/// <summary>
/// <c>sigil verify MANIFEST</c>: checks a manifest exactly as the resolver would before applying it
/// (<see cref="VerifyService"/>: signature, trusted key, expiry, sequence, ABI against the built code, policy). Exit 0
/// only when it would be applied; otherwise exit 1 with the first failure's code and message.
/// </summary>
[Description("Check a manifest exactly as the resolver would (signature, trusted key, expiry, sequence, ABI, policy); exit 0 only if it would be applied")]
public sealed class VerifyCommand : Command<VerifyCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The manifest file.</summary>
        [CommandArgument(0, "<MANIFEST>")]
        [Description("The manifest file, e.g. sigil.manifest.json")]
        public string Manifest { get; init; } = "";

        /// <summary>The built assembly to check the ABI against.</summary>
        [CommandOption("--assembly <DLL>")]
        [Description("The built assembly whose pins the ABI check compares with (default: the project's newest build output)")]
        public string? Assembly { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Manifest)
                ? ValidationResult.Error("Give the manifest to verify, e.g. 'sigil verify sigil.manifest.json'.")
                : Assembly is not null && string.IsNullOrWhiteSpace(Assembly)
                    ? ValidationResult.Error("--assembly needs the path of a built .dll.")
                    : ValidationResult.Success();
    }

    /// <inheritdoc />
    protected override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var manifest = Path.GetFullPath(settings.Manifest, Environment.CurrentDirectory);
        var result = new VerifyService().Verify(new VerifyRequest(manifest, paths)
        {
            AssemblyPath = settings.Assembly is null ? null : Path.GetFullPath(settings.Assembly, Environment.CurrentDirectory),
        });
        var summary = result.Summary;
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                valid = result.Valid,
                code = result.Code,
                message = result.Message,
                pin = result.Pin,
                manifest = manifest,
                assembly = result.AssemblyPath,
                last_applied_sequence = result.LastApplied?.Sequence,
                summary = summary is null ? null : new
                {
                    manifest_id = summary.ManifestId,
                    spec = summary.Spec,
                    workspace = summary.Workspace,
                    author = summary.Author,
                    created_at = ManifestText.Time(summary.CreatedAt),
                    expires_at = ManifestText.Time(summary.ExpiresAt),
                    sequence = summary.Sequence,
                    key_id = summary.KeyId,
                    repo = summary.Repo,
                    commit = summary.Commit,
                    pins = summary.Pins.Select(p => new { pin = p.QualifiedName, function_id = p.FunctionId, candidate = p.Candidate, evidence = p.Evidence }),
                },
                warnings = result.Warnings,
            });
            return result.Valid ? 0 : SigilApp.ErrorExit;
        }

        if (!result.Valid)
        {
            ManifestText.Warnings(result.Warnings);
            return SigilApp.Fail(SigilApp.ErrorExit, $"{manifest} would not be applied ({result.Code}): {result.Message}");
        }
        CliConsole.Line($"[green]Valid[/]: {Markup.Escape(manifest)} would be applied.");
        CliConsole.Line($"  manifest:  {Markup.Escape(summary!.ManifestId)}");
        CliConsole.Line($"  spec:      {Markup.Escape(summary.Spec)} (workspace {Markup.Escape(summary.Workspace)}), sequence {summary.Sequence}" +
            (result.LastApplied is { } last ? $" (last applied: {last.Sequence})" : " (none applied yet)"));
        CliConsole.Line($"  author:    {Markup.Escape(summary.Author)}, created {ManifestText.Time(summary.CreatedAt)}");
        CliConsole.Line($"  expires:   {ManifestText.Time(summary.ExpiresAt)}");
        CliConsole.Line($"  signed by: {Markup.Escape(ManifestText.Signer(paths.ProjectDirectory, summary.KeyId))}");
        CliConsole.Line($"  codebase:  {Markup.Escape(summary.Repo)} @ {Markup.Escape(summary.Commit)}");
        CliConsole.Line($"  checked against: {Markup.Escape(result.AssemblyPath)}");
        CliConsole.Line($"[bold]Pins[/] ({summary.Pins.Count}):");
        foreach (var pin in summary.Pins)
        {
            CliConsole.Line($"  [green]{Markup.Escape(pin.QualifiedName)}[/] ← {Markup.Escape(ManifestText.Short(pin.Candidate))}: {Markup.Escape(pin.Evidence)}");
        }
        ManifestText.Warnings(result.Warnings);
        return 0;
    }
}
