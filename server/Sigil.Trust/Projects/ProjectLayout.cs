using Sigil.Projects;
using Sigil.Projects.Config;
using Sigil.Projects.Pins;
using Sigil.Trust.Errors;
using Sigil.Workspace.Store;

namespace Sigil.Trust.Projects;

/// <summary>Where the trust services find and keep things in a Sigil project.</summary>
internal sealed class ProjectLayout
{
    /// <summary>The default manifest file name at the project root.</summary>
    public const string DefaultManifestFileName = "sigil.manifest.json";

    public ProjectLayout(SigilPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrWhiteSpace(paths.ProjectDirectory);
        Paths = paths with { ProjectDirectory = Path.GetFullPath(paths.ProjectDirectory) };
    }

    public SigilPaths Paths { get; }

    public string ProjectDirectory => Paths.ProjectDirectory;

    public string SigilDirectory => Paths.SigilDirectory;

    /// <summary><c>.sigil/manifests</c>: a copy of every promoted manifest, <c>&lt;spec&gt;-&lt;sequence&gt;.json</c>.</summary>
    public string ManifestsDirectory => Path.Combine(SigilDirectory, "manifests");

    public string DefaultManifestPath => Path.Combine(ProjectDirectory, DefaultManifestFileName);

    public string WorkspaceDatabase => Path.Combine(SigilDirectory, LiteDbWorkspaceStore.DatabaseFileName);

    /// <summary>The .csproj named by <c>sigil.json</c>, or null when it names none.</summary>
    public string? ProjectFile
    {
        get
        {
            var project = File.Exists(Paths.ConfigPath) ? ConfigStore.Load(Paths).Project : null;
            return string.IsNullOrWhiteSpace(project) ? null : Path.GetFullPath(Path.Combine(ProjectDirectory, project));
        }
    }

    /// <summary>
    /// The folder candidates' diff paths are relative to: the .csproj's folder, as <c>sigil run</c> opens it (the
    /// project directory when <c>sigil.json</c> names no project).
    /// </summary>
    public string SourceRoot => ProjectFile is { } file ? Path.GetDirectoryName(file)! : ProjectDirectory;

    /// <summary>Opens the workspace, refusing (without creating anything) when the project has none.</summary>
    public LiteDbWorkspaceStore OpenWorkspace()
    {
        if (!File.Exists(WorkspaceDatabase))
        {
            throw new TrustException(TrustErrorCodes.NoCandidates,
                $"The project has no workspace ({WorkspaceDatabase} does not exist): run 'sigil run SPEC --name WS' first, or import a workspace with 'sigil workspace import'.");
        }
        return LiteDbWorkspaceStore.Open(SigilDirectory);
    }

    /// <summary>The built assembly: <paramref name="explicitPath"/> when given, else the newest build output of the project.</summary>
    public BuildOutputLocator.BuildOutput FindBuild(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath, ProjectDirectory);
            return File.Exists(full)
                ? new BuildOutputLocator.BuildOutput(full, false)
                : throw new TrustException(TrustErrorCodes.BuildOutputMissing, $"The assembly {full} does not exist; build the project first (dotnet build) or give the right path.");
        }
        var projectFile = ProjectFile ?? throw new TrustException(TrustErrorCodes.BuildOutputMissing,
            $"{Paths.ConfigPath} names no project, so its build output cannot be found; set it with 'sigil config set project NAME.csproj', or give the assembly path.");
        try
        {
            return BuildOutputLocator.Find(projectFile);
        }
        catch (SigilProjectException e)
        {
            throw new TrustException(TrustErrorCodes.BuildOutputMissing,
                $"{e.Message} The ABI check compares each pin with the built assembly: build the project first (dotnet build), or give the assembly path.", e);
        }
    }
}
