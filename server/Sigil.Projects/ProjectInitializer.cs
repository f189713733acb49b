using Sigil.Projects.Config;

namespace Sigil.Projects;

/// <summary><c>sigil init</c>: creates <c>sigil.json</c> and <c>.sigil/</c> in a project folder. Never overwrites.</summary>
public static class ProjectInitializer
{
    /// <summary>The content of <c>.sigil/.gitignore</c>: everything in the folder, the file itself included.</summary>
    public const string GitIgnore = "# Sigil's local state (workspace, sample log, resolver logs); move workspaces with 'sigil workspace export'.\n*\n";

    /// <summary>What init did.</summary>
    /// <param name="Paths">The project.</param>
    /// <param name="Created">False when the project was already initialized (nothing was changed).</param>
    /// <param name="ProjectFile">The .csproj recorded in sigil.json, if one was found.</param>
    public sealed record InitResult(SigilPaths Paths, bool Created, string? ProjectFile);

    /// <summary>Initializes <paramref name="directory"/>.</summary>
    public static InitResult Init(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new SigilProjectException($"{full} does not exist; create the folder (or pass an existing one with --project).");
        }
        var paths = new SigilPaths(full);
        if (File.Exists(paths.ConfigPath))
        {
            return new InitResult(paths, false, ConfigStore.Load(paths).Project);
        }
        var projects = Directory.GetFiles(full, "*.csproj");
        var projectFile = projects.Length == 1 ? Path.GetFileName(projects[0]) : null;
        Directory.CreateDirectory(paths.SigilDirectory);
        Directory.CreateDirectory(Path.Combine(paths.SigilDirectory, "samples"));
        // .sigil/ is this machine's state (workspace, samples, resolver logs): git ignores it from inside, so the
        // project's own .gitignore is left alone and 'sigil publish' finds a clean tree.
        File.WriteAllText(Path.Combine(paths.SigilDirectory, ".gitignore"), GitIgnore);
        ConfigStore.Save(paths, new SigilConfig { Project = projectFile });
        return new InitResult(paths, true, projectFile);
    }
}
