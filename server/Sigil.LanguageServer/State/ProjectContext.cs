using Sigil.LanguageServer.Hosting;
using Sigil.Projects;
using Sigil.Projects.Config;
using Sigil.Protocol.Errors;

namespace Sigil.LanguageServer.State;

/// <summary>The Sigil project the server serves: its folder (holding sigil.json) and what sigil.json names.</summary>
internal sealed class ProjectContext(SigilPaths paths)
{
    /// <summary>The project's paths.</summary>
    public SigilPaths Paths { get; } = paths;

    /// <summary>The project's <c>.sigil</c> folder.</summary>
    public string SigilDirectory => Paths.SigilDirectory;

    /// <summary>sigil.json as it is now.</summary>
    public SigilConfig Config() => ConfigStore.Load(Paths);

    /// <summary>The project file sigil.json names, as a full path.</summary>
    /// <exception cref="SigilProjectException">sigil.json names none.</exception>
    public string ProjectFile()
    {
        var file = Config().Project
            ?? throw new SigilProjectException("sigil.json names no project file; run 'sigil config set project NAME.csproj'.");
        return Path.GetFullPath(file, Paths.ProjectDirectory);
    }

    /// <summary>A path the client sent, relative to the project folder when not absolute.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, Paths.ProjectDirectory);

    /// <summary>The project found at or above <paramref name="folder"/>, or null.</summary>
    public static ProjectContext? Find(string folder)
    {
        try
        {
            return new ProjectContext(ProjectLocator.Find(null, folder));
        }
        catch (SigilProjectException)
        {
            return null;
        }
    }

    /// <summary>The project of <paramref name="state"/>, or the NoProject error.</summary>
    public static ProjectContext Require(ServerState state) => state.Project ?? throw new RequestException(SigilErrorCodes.NoProject, "no-project",
        "No Sigil project: no sigil.json in the workspace folder or above it. Run 'sigil init' in the project's folder and reopen it.");
}
