using System.ComponentModel;

namespace Sigil.Runtime;

/// <summary>
/// Entry point of generated code: one <see cref="SigilProject"/> per project directory in the process.
/// The environment variable <c>SIGIL_PROJECT_DIR</c> overrides the directory baked in at build time (for an app
/// deployed away from its sources); <c>SIGIL_TRACKER=disabled</c> turns the tracker switch off entirely.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PinRegistry
{
    private static readonly Dictionary<string, SigilProject> s_projects = new(StringComparer.Ordinal);

    /// <summary>The project of the calling assembly, created on first use.</summary>
    public static SigilProject Initialize(string projectDirectory, SpecDescriptor[] specs)
    {
        var directory = Environment.GetEnvironmentVariable("SIGIL_PROJECT_DIR") is { Length: > 0 } overridden
            ? overridden
            : string.IsNullOrEmpty(projectDirectory) ? AppContext.BaseDirectory : projectDirectory;
        directory = Path.GetFullPath(directory);
        var watch = !string.Equals(Environment.GetEnvironmentVariable("SIGIL_TRACKER"), "disabled", StringComparison.OrdinalIgnoreCase);
        lock (s_projects)
        {
            if (s_projects.TryGetValue(directory, out var existing))
            {
                existing.AddSpecs(specs);
                return existing;
            }
            var project = new SigilProject(directory, specs, watch);
            s_projects.Add(directory, project);
            RecomputeGate();
            return project;
        }
    }

    /// <summary>The project of the calling assembly, with the routes of its pins (served as the resolver decides).</summary>
    public static SigilProject Initialize(string projectDirectory, SpecDescriptor[] specs, PinRoute[] routes)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var project = Initialize(projectDirectory, specs);
        project.Route(routes);
        project.AddRegistrationTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return project;
    }

    /// <summary>The projects registered in this process.</summary>
    public static IReadOnlyList<SigilProject> Projects
    {
        get
        {
            lock (s_projects)
            {
                return s_projects.Values.ToArray();
            }
        }
    }

    internal static void RecomputeGate()
    {
        lock (s_projects)
        {
            var active = false;
            foreach (var project in s_projects.Values)
            {
                active |= project.TrackingEnabled || project.Serving;
            }
            SigilDispatcher.SetActive(active);
        }
    }
}
