namespace Sigil.Projects;

/// <summary>Where a Sigil project lives: its root, <c>sigil.json</c> and the <c>.sigil</c> directory.</summary>
/// <param name="ProjectDirectory">The project root.</param>
public sealed record SigilPaths(string ProjectDirectory)
{
    /// <summary>Configuration file name.</summary>
    public const string ConfigFileName = "sigil.json";

    /// <summary>The <c>.sigil</c> directory (workspace, sample log, tracker switch).</summary>
    public string SigilDirectory => Path.Combine(ProjectDirectory, ".sigil");

    /// <summary>The <c>sigil.json</c> path.</summary>
    public string ConfigPath => Path.Combine(ProjectDirectory, ConfigFileName);
}
