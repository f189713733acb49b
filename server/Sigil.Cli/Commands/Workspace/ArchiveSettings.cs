using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sigil.Cli.Commands.Workspace;

/// <summary>Options of workspace export/import.</summary>
public sealed class ArchiveSettings : ProjectSettings
{
    /// <summary>The tarball.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("The workspace tarball (.tar.gz)")]
    public string File { get; init; } = "";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("FILE is empty: name the .tar.gz file.") : ValidationResult.Success();
}
