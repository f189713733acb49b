using System.Collections.Immutable;

namespace Sigil.Evaluation.Compilation;

/// <summary>The project could not be opened for compilation; the message says why and what to do.</summary>
public sealed class ProjectLoadException : Exception
{
    /// <summary>A failure to open <paramref name="projectPath"/>.</summary>
    public ProjectLoadException(string projectPath, string message, IEnumerable<ProjectLoadDiagnostic>? diagnostics = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ProjectPath = projectPath;
        Diagnostics = diagnostics?.ToImmutableArray() ?? [];
    }

    /// <summary>The project file (full path).</summary>
    public string ProjectPath { get; }

    /// <summary>What MSBuild reported while loading, when it got that far.</summary>
    public ImmutableArray<ProjectLoadDiagnostic> Diagnostics { get; }

    /// <summary>
    /// The exception to throw when MSBuildWorkspace itself threw while opening <paramref name="projectPath"/>. Its BuildHost
    /// finds MSBuild through the .NET host's SDK resolver; with no usable SDK it fails with "Failed to find all versions of
    /// .NET Core MSBuild" (a remote InvalidOperationException), which is turned into an SDK message here.
    /// </summary>
    internal static ProjectLoadException FromOpenFailure(string projectPath, Exception exception)
    {
        var text = exception.ToString();
        if (text.Contains("hostfxr_resolve_sdk", StringComparison.OrdinalIgnoreCase)
            || text.Contains("find all versions of .NET Core MSBuild", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Could not locate MSBuild", StringComparison.OrdinalIgnoreCase)
            || text.Contains("No instances of MSBuild", StringComparison.OrdinalIgnoreCase))
        {
            return new ProjectLoadException(projectPath,
                $"No .NET SDK was found to load '{projectPath}' with (the dotnet host of this process, '{Environment.ProcessPath}', "
                + $"resolved none: {exception.Message}). Install the .NET SDK the project needs (check with 'dotnet --list-sdks' "
                + "in the project's folder; a global.json there may ask for a version that is not installed).",
                innerException: exception);
        }
        return new ProjectLoadException(projectPath,
            $"MSBuild could not open '{projectPath}': {exception.Message} Check that 'dotnet build' succeeds for it.",
            innerException: exception);
    }
}
