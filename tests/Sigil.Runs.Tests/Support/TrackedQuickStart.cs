using System.Diagnostics;
using Sigil.Tracking.Control;

namespace Sigil.Runs.Tests.Support;

/// <summary>
/// samples/QuickStart with a private <c>.sigil</c> directory: the real app is run with tracking on (SIGIL_PROJECT_DIR
/// points at a temp folder), so the sample log holds real calls with raw inputs, and the workspace starts empty.
/// </summary>
internal sealed class TrackedQuickStart : IDisposable
{
    private TrackedQuickStart(string folder)
    {
        Folder = folder;
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ProjectFile { get; } = Path.Combine(RepositoryRoot, "samples", "QuickStart", "QuickStart.csproj");

    public static string AppPath { get; } = Path.Combine(RepositoryRoot, "samples", "QuickStart", "bin", "Debug", "net10.0", "QuickStart.dll");

    /// <summary>The temp folder standing for the project directory (its <c>.sigil</c> holds samples and workspace).</summary>
    public string Folder { get; }

    public string SigilDirectory => Path.Combine(Folder, ".sigil");

    /// <summary>Runs the real app <paramref name="rounds"/> rounds with tracking on.</summary>
    public static TrackedQuickStart Create(int rounds = 20)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sigil-run-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(folder);
        var fixture = new TrackedQuickStart(folder);
        TrackerService.Start(fixture.SigilDirectory);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(AppPath);
        start.ArgumentList.Add("--rounds");
        start.ArgumentList.Add(rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["SIGIL_PROJECT_DIR"] = folder;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"QuickStart failed ({(process.HasExited ? process.ExitCode : -1)}): {stderr.Result}");
        }
        TrackerService.Stop(fixture.SigilDirectory);
        return fixture;
    }

    public RunRequest Request(string optimizer, int iterations, string workspace = "v1") => new()
    {
        ProjectFile = ProjectFile,
        SigilDirectory = SigilDirectory,
        Spec = "quickstart",
        Workspace = workspace,
        Optimizer = optimizer,
        Iterations = iterations,
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sigil.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Sigil.sln not found above " + AppContext.BaseDirectory);
    }
}
