namespace Sigil.Projects;

/// <summary>Finds the Sigil project: an explicit directory, or the nearest folder at or above the working directory holding <c>sigil.json</c>.</summary>
public static class ProjectLocator
{
    /// <summary>Finds the project or throws <see cref="SigilProjectException"/> saying how to create one.</summary>
    public static SigilPaths Find(string? explicitDirectory, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            var full = Path.GetFullPath(explicitDirectory, workingDirectory);
            if (!Directory.Exists(full))
            {
                throw new SigilProjectException($"--project {explicitDirectory}: no such directory.");
            }
            if (!File.Exists(Path.Combine(full, SigilPaths.ConfigFileName)))
            {
                throw new SigilProjectException($"{full} is not a Sigil project (no {SigilPaths.ConfigFileName}); run 'sigil init --project {explicitDirectory}' first.");
            }
            return new SigilPaths(full);
        }
        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SigilPaths.ConfigFileName)))
            {
                return new SigilPaths(directory.FullName);
            }
        }
        throw new SigilProjectException($"No Sigil project in {workingDirectory} or its parents; run 'sigil init' in your project's folder, or pass --project DIR.");
    }
}
