namespace Sigil.Runtime;

/// <summary>
/// Sigil in the running app, for the app's own code: the projects whose pins this process registered, and a way to
/// wait for the resolver's decisions (made on a background thread by default; pins run their baselines until then).
/// </summary>
public static class SigilRuntime
{
    /// <summary>The projects registered in this process (one per project directory of a pinned assembly loaded so far).</summary>
    public static IReadOnlyList<SigilProject> Projects => PinRegistry.Projects;

    /// <summary>
    /// Waits until every registered project's resolver has made its first decision. True at once in off mode; false
    /// if some decision was not made within <paramref name="timeout"/> (those pins keep running their baselines).
    /// </summary>
    public static bool WaitForResolution(TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var project in PinRegistry.Projects)
        {
            var left = timeout - watch.Elapsed;
            if (!project.WaitForResolution(left < TimeSpan.Zero ? TimeSpan.Zero : left))
            {
                return false;
            }
        }
        return true;
    }
}
