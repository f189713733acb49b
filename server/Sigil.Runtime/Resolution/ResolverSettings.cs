namespace Sigil.Runtime.Resolution;

/// <summary>
/// The resolver's configuration: the environment variables <c>SIGIL_MODE</c> (off|dev|prod) and <c>SIGIL_MANIFEST</c>
/// (a path, relative ones against the project directory) win over the app's runtime configuration
/// (<c>Sigil.Mode</c>, <c>Sigil.Manifest</c> in runtimeconfig.json, set by the MSBuild properties <c>SigilMode</c> and
/// <c>SigilManifest</c>). Without either the mode is off. An unknown mode is an error, reported and treated as off.
/// <c>SIGIL_RESOLVE</c> (<c>Sigil.Resolve</c>, MSBuild <c>SigilResolve</c>) says when the decision is made:
/// <c>background</c> (the default) or <c>startup</c>; an unknown value is an error too (baselines, reported).
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

    /// <summary>The environment variable saying when the decision is made (background|startup).</summary>
    public const string TimingVariable = "SIGIL_RESOLVE";

    /// <summary>
    /// When the decision is made. <see cref="Read(string)"/> gives <see cref="ResolveTiming.Background"/> unless configured;
    /// settings built directly decide at <see cref="ResolveTiming.Startup"/> unless told.
    /// </summary>
    public ResolveTiming Timing { get; init; } = ResolveTiming.Startup;

    /// <summary>Reads the settings of the project at <paramref name="projectDirectory"/>.</summary>
    public static ResolverSettings Read(string projectDirectory) => Read(
        projectDirectory,
        Environment.GetEnvironmentVariable(ModeVariable) is { Length: > 0 } mode ? mode : AppContext.GetData("Sigil.Mode") as string,
        Environment.GetEnvironmentVariable(ManifestVariable) is { Length: > 0 } manifest ? manifest : AppContext.GetData("Sigil.Manifest") as string,
        Environment.GetEnvironmentVariable(TimingVariable) is { Length: > 0 } timing ? timing : AppContext.GetData("Sigil.Resolve") as string);

    /// <summary>Reads the settings from explicit values (null: not configured).</summary>
    public static ResolverSettings Read(string projectDirectory, string? modeText, string? manifestText, string? timingText = null)
    {
        var settings = ReadMode(projectDirectory, modeText, manifestText);
        if (string.IsNullOrWhiteSpace(timingText) || Is(timingText, "background"))
        {
            return settings with { Timing = ResolveTiming.Background };
        }
        if (Is(timingText, "startup"))
        {
            return settings with { Timing = ResolveTiming.Startup };
        }
        return settings.Mode == ResolverMode.Off && settings.Problem is null
            ? settings with { Timing = ResolveTiming.Background }
            : settings with
            {
                Timing = ResolveTiming.Background,
                Problem = settings.Problem ?? $"{TimingVariable}='{timingText}' is not a timing; use background or startup (running baselines meanwhile)",
            };
    }

    private static ResolverSettings ReadMode(string projectDirectory, string? modeText, string? manifestText)
    {
        var path = string.IsNullOrWhiteSpace(manifestText) ? null : Path.GetFullPath(manifestText.Trim(), projectDirectory);
        if (string.IsNullOrWhiteSpace(modeText) || Is(modeText, "off"))
        {
            return new ResolverSettings(ResolverMode.Off, path, null);
        }
        if (Is(modeText, "dev"))
        {
            return new ResolverSettings(ResolverMode.Dev, path, null);
        }
        if (Is(modeText, "prod"))
        {
            return path is null
                ? new ResolverSettings(ResolverMode.Prod, null,
                    $"mode prod needs a manifest: set {ManifestVariable} (or the MSBuild property SigilManifest) to the file 'sigil promote' wrote")
                : new ResolverSettings(ResolverMode.Prod, path, null);
        }
        return new ResolverSettings(ResolverMode.Off, path,
            $"{ModeVariable}='{modeText}' is not a mode; use off, dev or prod (running baselines meanwhile)");
    }

    // Ordinal, ignoring ASCII case: culture-aware lowering would load ICU at the app's start-up (milliseconds).
    private static bool Is(string text, string word) => text.AsSpan().Trim().Equals(word, StringComparison.OrdinalIgnoreCase);
}
