namespace Sigil.Runtime.Resolution;

/// <summary>
/// The resolver's configuration: the environment variables <c>SIGIL_MODE</c> (off|dev|prod) and <c>SIGIL_MANIFEST</c>
/// (a path, relative ones against the project directory) win over the app's runtime configuration
/// (<c>Sigil.Mode</c>, <c>Sigil.Manifest</c> in runtimeconfig.json, set by the MSBuild properties <c>SigilMode</c> and
/// <c>SigilManifest</c>). Without either the mode is off. An unknown mode is an error, reported and treated as off.
/// </summary>
/// <param name="Mode">The mode.</param>
/// <param name="ManifestPath">The manifest's full path, or null when none is configured.</param>
/// <param name="Problem">What was wrong with the configuration, or null.</param>
public sealed record ResolverSettings(ResolverMode Mode, string? ManifestPath, string? Problem)
{
    /// <summary>The environment variable naming the mode.</summary>
    public const string ModeVariable = "SIGIL_MODE";

    /// <summary>The environment variable naming the manifest.</summary>
    public const string ManifestVariable = "SIGIL_MANIFEST";

    /// <summary>Reads the settings of the project at <paramref name="projectDirectory"/>.</summary>
    public static ResolverSettings Read(string projectDirectory) => Read(
        projectDirectory,
        Environment.GetEnvironmentVariable(ModeVariable) is { Length: > 0 } mode ? mode : AppContext.GetData("Sigil.Mode") as string,
        Environment.GetEnvironmentVariable(ManifestVariable) is { Length: > 0 } manifest ? manifest : AppContext.GetData("Sigil.Manifest") as string);

    /// <summary>Reads the settings from explicit values (null: not configured).</summary>
    public static ResolverSettings Read(string projectDirectory, string? modeText, string? manifestText)
    {
        var path = string.IsNullOrWhiteSpace(manifestText) ? null : Path.GetFullPath(manifestText.Trim(), projectDirectory);
        switch (modeText?.Trim().ToLowerInvariant())
        {
            case null or "" or "off":
                return new ResolverSettings(ResolverMode.Off, path, null);
            case "dev":
                return new ResolverSettings(ResolverMode.Dev, path, null);
            case "prod":
                return path is null
                    ? new ResolverSettings(ResolverMode.Prod, null,
                        $"mode prod needs a manifest: set {ManifestVariable} (or the MSBuild property SigilManifest) to the file 'sigil promote' wrote")
                    : new ResolverSettings(ResolverMode.Prod, path, null);
            default:
                return new ResolverSettings(ResolverMode.Off, path,
                    $"{ModeVariable}='{modeText}' is not a mode; use off, dev or prod (running baselines meanwhile)");
        }
    }
}
