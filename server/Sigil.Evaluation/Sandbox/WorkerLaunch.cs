using System.Diagnostics;
using System.Globalization;

namespace Sigil.Evaluation.Sandbox;

/// <summary>
/// How a worker process is started: <c>dotnet Sigil.Worker.dll</c>, inside bubblewrap or <c>unshare --net</c> when the
/// isolation says so, with a clean environment (nothing of the host's: no API keys; only what .NET needs and the limits).
/// </summary>
internal sealed class WorkerLaunch
{
    private readonly SandboxOptions _options;

    public WorkerLaunch(string dotnet, string workerPath, SandboxOptions options, IsolationReport isolation)
    {
        Dotnet = dotnet;
        WorkerPath = workerPath;
        _options = options;
        Isolation = isolation;
    }

    /// <summary>The dotnet muxer (resolved).</summary>
    public string Dotnet { get; }

    /// <summary>Sigil.Worker.dll (full path).</summary>
    public string WorkerPath { get; }

    /// <summary>The isolation the workers run under.</summary>
    public IsolationReport Isolation { get; }

    /// <summary>The process to start for a worker serving the app in <paramref name="appDirectory"/>.</summary>
    public ProcessStartInfo For(string appDirectory)
    {
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = appDirectory,
        };
        start.Environment.Clear();
        foreach (var (name, value) in EnvironmentFor()) start.Environment[name] = value;

        IEnumerable<string> command = [Dotnet, WorkerPath];
        switch (Isolation.Kind)
        {
            case IsolationKind.Bubblewrap:
                start.FileName = Isolation.Tool!;
                command = [.. BubblewrapArguments(appDirectory), "--", .. command];
                break;
            case IsolationKind.NetworkNamespace:
                start.FileName = Isolation.Tool!;
                command = [.. Isolation.ToolArguments, "--net", "--", .. command];
                break;
            default:
                start.FileName = Dotnet;
                command = [WorkerPath];
                break;
        }

        foreach (var argument in command) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>The worker's whole environment.</summary>
    public Dictionary<string, string> EnvironmentFor() => new()
    {
        ["HOME"] = "/tmp",
        ["TMPDIR"] = "/tmp",
        ["DOTNET_ROOT"] = Path.GetDirectoryName(Dotnet)!,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        // The app's generated module initializer must never record candidate runs into the user's sample log.
        ["SIGIL_TRACKER"] = "disabled",
        ["DOTNET_GCHeapHardLimit"] = "0x" + _options.HeapLimitBytes.ToString("x", CultureInfo.InvariantCulture),
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
        // Stable timing: no instrumented PGO tier; hot methods reach tier 1 right after their 30 calls (the warm-up).
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
        // No debugger/profiler/diagnostics IPC endpoint in the sandbox, and no dumps.
        ["DOTNET_EnableDiagnostics"] = "0",
        ["DOTNET_DbgEnableMiniDump"] = "0",
        ["SIGIL_WORKER_NATIVE_LIMIT"] = _options.NativeMemoryLimitBytes is { } native ? native.ToString(CultureInfo.InvariantCulture) : "",
        ["SIGIL_WORKER_BLOCK_EXEC"] = _options.BlockProcessStart ? "1" : "0",
    };

    /// <summary>
    /// bwrap: new PID, network, IPC and UTS namespaces, no capabilities, killed with its parent; a private /tmp first (so
    /// binds below /tmp show through), then read-only: the shared libraries (/usr/lib*, /lib*), the loader cache, time
    /// zones, the .NET root, the worker's directory and the app's build output. Nothing else of the host exists inside:
    /// not /home, not /root, not the project's sources or its .sigil/ directory, not /usr/bin.
    /// </summary>
    private List<string> BubblewrapArguments(string appDirectory)
    {
        var arguments = new List<string>
        {
            "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--cap-drop", "ALL", "--tmpfs", "/tmp",
        };
        foreach (var directory in (string[])["/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32"])
        {
            if (Directory.Exists(directory) && new DirectoryInfo(directory).LinkTarget is null) arguments.AddRange(["--ro-bind", directory, directory]);
        }

        foreach (var path in (string[])["/lib", "/lib64", "/lib32", "/libx32"])
        {
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is { } target) arguments.AddRange(["--symlink", target, path]);
            else if (info.Exists) arguments.AddRange(["--ro-bind", path, path]);
        }

        arguments.AddRange(["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]);
        arguments.AddRange(["--ro-bind-try", "/usr/share/zoneinfo", "/usr/share/zoneinfo"]);
        foreach (var directory in new[] { Path.GetDirectoryName(Dotnet)!, Path.GetDirectoryName(WorkerPath)!, appDirectory }.Distinct())
        {
            arguments.AddRange(["--ro-bind", directory, directory]);
        }

        arguments.AddRange(["--proc", "/proc", "--dev", "/dev", "--chdir", appDirectory]);
        return arguments;
    }
}
