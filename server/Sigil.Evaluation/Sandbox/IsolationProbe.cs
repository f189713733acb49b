using System.Diagnostics;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// Finds out, by trying, what OS isolation this machine offers the worker: bubblewrap (<c>bwrap</c>, apt package
/// <c>bubblewrap</c>) with network, PID and mount namespaces; else <c>unshare --net</c> (no network, no file isolation);
/// else nothing. Having the program is not enough (containers often forbid namespaces), so each is run once.
/// </summary>
public static class IsolationProbe
{
    private static readonly Lazy<IsolationReport> Cached = new(Probe);

    /// <summary>What this machine offers (probed once per process).</summary>
    public static IsolationReport Detect() => Cached.Value;

    /// <summary>What a pool with <paramref name="mode"/> runs under here.</summary>
    /// <exception cref="SandboxUnavailableException"><paramref name="mode"/> is <see cref="IsolationMode.Required"/> and bubblewrap does not work here.</exception>
    public static IsolationReport For(IsolationMode mode)
    {
        if (mode == IsolationMode.Off) return new IsolationReport(IsolationKind.None, "isolation: off (turned off in the sandbox options; limits and the API policy still apply)", null, null, []);
        var detected = Detect();
        if (mode == IsolationMode.Required && detected.Kind != IsolationKind.Bubblewrap)
            throw new SandboxUnavailableException($"OS isolation is required but not available: {detected.Summary}");
        return detected;
    }

    /// <summary>Probes now (not cached).</summary>
    public static IsolationReport Probe()
    {
        const string install = "install bubblewrap (apt-get install bubblewrap)";
        if (!OperatingSystem.IsLinux())
            return new IsolationReport(IsolationKind.None, "isolation: none — OS isolation needs Linux with bubblewrap; candidates run as a plain process (limits and the API policy apply)", "run on Linux with bubblewrap installed", null, []);

        var truePath = FindOnPath("true");
        var bwrap = FindOnPath("bwrap");
        string? bwrapProblem = null;
        if (bwrap is not null && truePath is not null)
        {
            var (works, error) = Runs(bwrap, ["--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--", truePath]);
            if (works)
            {
                return new IsolationReport(IsolationKind.Bubblewrap,
                    "isolation: bubblewrap (no network, read-only file system with only .NET, the worker and the app visible, private /tmp, own PID namespace, no capabilities)",
                    null, bwrap, []);
            }

            bwrapProblem = $"bubblewrap is installed but does not work here ({error})";
        }

        var unshare = FindOnPath("unshare");
        if (unshare is not null && truePath is not null)
        {
            foreach (string[] prefix in (string[][])[[], ["--map-root-user"]])
            {
                if (!Runs(unshare, [.. prefix, "--net", "--", truePath]).Works) continue;
                var why = bwrapProblem ?? "bubblewrap not found";
                return new IsolationReport(IsolationKind.NetworkNamespace,
                    $"isolation: network only (unshare --net) — the file system is NOT isolated: {why}; {install}",
                    install, unshare, prefix);
            }
        }

        return new IsolationReport(IsolationKind.None,
            $"isolation: none — {bwrapProblem ?? "bubblewrap not found"}; {install}", install, null, []);
    }

    private static (bool Works, string Error) Runs(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
                return (false, "it did not finish within 5 s");
            }

            var text = error.Wait(1000) ? error.Result.Trim() : "";
            return process.ExitCode == 0 ? (true, "") : (false, text.Length > 0 ? text.Split('\n')[0] : $"exit code {process.ExitCode}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (false, e.Message);
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH (or in /usr/bin, /bin), resolved; null if absent.</summary>
    internal static string? FindOnPath(string program)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/bin", "/usr/sbin", "/sbin"]);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
