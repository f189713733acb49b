using System.ComponentModel;
using Sigil.Cli.Output;
using Sigil.Projects;
using Sigil.Trust.Publication;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Trust;

/// <summary>
/// <c>sigil publish MANIFEST</c>: verifies the manifest as the resolver would, then rewrites each pinned method to its
/// approved candidate on a new git branch, in one commit carrying the evidence, with a <c>.patch</c> beside it
/// (<see cref="PublishService"/>). The current branch and working tree are left as they were; a refusal (dirty tree,
/// taken branch, bad signature, candidate that no longer applies) changes nothing.
/// </summary>
[Description("Rewrite the pinned methods to a verified manifest's candidates on a new git branch (one commit with the evidence, plus a .patch)")]
public sealed class PublishCommand : AsyncCommand<PublishCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectSettings
    {
        /// <summary>The manifest file.</summary>
        [CommandArgument(0, "<MANIFEST>")]
        [Description("The manifest file, e.g. sigil.manifest.json")]
        public string Manifest { get; init; } = "";

        /// <summary>The new branch.</summary>
        [CommandOption("-b|--branch <NAME>")]
        [Description("The new branch (default: sigil/publish-<manifest id>); it must not exist")]
        public string? Branch { get; init; }

        /// <summary>Where to write the patch.</summary>
        [CommandOption("--patch <FILE>")]
        [Description("Where to write the .patch; it must not exist (default: .git/sigil/patches/, outside the working tree, so the tree stays clean)")]
        public string? Patch { get; init; }

        /// <summary>The built assembly for the ABI check.</summary>
        [CommandOption("--assembly <DLL>")]
        [Description("The built assembly the ABI check compares with, as for verify (default: the project's newest build output)")]
        public string? Assembly { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Manifest))
            {
                return ValidationResult.Error("Give the manifest to publish, e.g. 'sigil publish sigil.manifest.json'.");
            }
            if (Branch is not null && (Branch.Length == 0 || Branch.Any(char.IsWhiteSpace) || Branch.StartsWith('-')))
            {
                return ValidationResult.Error($"--branch '{Branch}' is not a branch name; give a name without spaces that does not start with '-', e.g. --branch sigil/quickstart-1.");
            }
            if (Patch is not null && string.IsNullOrWhiteSpace(Patch))
            {
                return ValidationResult.Error("--patch needs a file path, e.g. --patch ../quickstart.patch.");
            }
            return Assembly is not null && string.IsNullOrWhiteSpace(Assembly)
                ? ValidationResult.Error("--assembly needs the path of a built .dll.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = ProjectLocator.Find(settings.Project, Environment.CurrentDirectory);
        var request = new PublishManifestRequest(Path.GetFullPath(settings.Manifest, Environment.CurrentDirectory), paths)
        {
            BranchName = settings.Branch,
            PatchPath = settings.Patch is null ? null : Path.GetFullPath(settings.Patch, Environment.CurrentDirectory),
            AssemblyPath = settings.Assembly is null ? null : Path.GetFullPath(settings.Assembly, Environment.CurrentDirectory),
        };
        // Steps go to a terminal only: on a pipe, stderr carries nothing but the one error line of a failure.
        IProgress<string>? progress = settings.Json || Console.IsErrorRedirected ? null : new Progress<string>(step => CliConsole.Hint(step + "…"));
        var result = await new PublishService().PublishAsync(request, progress, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            CliConsole.Json(new
            {
                manifest_id = result.ManifestId,
                branch = result.BranchName,
                commit = result.CommitSha,
                patch = result.PatchPath,
                changed_files = result.ChangedFiles,
                original_branch = result.OriginalBranch,
                warnings = result.Warnings,
            });
            return 0;
        }
        CliConsole.Line($"Published [bold]{Markup.Escape(result.ManifestId)}[/]");
        CliConsole.Line($"  branch: {Markup.Escape(result.BranchName)} (you are still on {Markup.Escape(result.OriginalBranch)}, unchanged)");
        CliConsole.Line($"  commit: {Markup.Escape(result.CommitSha)}");
        CliConsole.Line($"  patch:  {Markup.Escape(result.PatchPath)}");
        CliConsole.Line($"[bold]Changed[/] ({result.ChangedFiles.Count}):");
        foreach (var file in result.ChangedFiles)
        {
            CliConsole.Line($"  {Markup.Escape(file)}");
        }
        ManifestText.Warnings(result.Warnings);
        CliConsole.Line($"Next: review it with 'git show {Markup.Escape(result.BranchName)}', then push the branch or apply the patch.");
        return 0;
    }
}
