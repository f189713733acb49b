using System.Diagnostics;
using System.Text.Json;
using Sigil.Tracking.Control;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>
/// A temp folder standing for a project directory: sigil.json names the real samples/QuickStart project (opened
/// read-only), and, with samples, the real app has been run with tracking on (SIGIL_PROJECT_DIR points here), so runs
/// have tracked calls to replay.
/// </summary>
internal sealed class QuickStartProject : IDisposable
{
    private readonly TempFolder _folder = new();

    private QuickStartProject()
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "sigil.json"), JsonSerializer.Serialize(new { project = System.IO.Path.Combine(Repository.QuickStart, "QuickStart.csproj") }));
    }

    /// <summary>The project folder.</summary>
    public string Path => _folder.Combine("project");

    /// <summary>The temp root (beside the project: keys, other files).</summary>
    public TempFolder Home => _folder;

    public string SigilDirectory => System.IO.Path.Combine(Path, ".sigil");

    /// <summary>The real Kernels.cs.</summary>
    public static string KernelsPath => System.IO.Path.Combine(Repository.QuickStart, "Kernels.cs");

    public static string KernelsUri => new Uri(KernelsPath).AbsoluteUri;

    public static string KernelsText => File.ReadAllText(KernelsPath);

    /// <summary>A project without samples.</summary>
    public static QuickStartProject Create()
    {
        return new QuickStartProject();
    }

    /// <summary>A project whose app was run with tracking on.</summary>
    public static QuickStartProject CreateWithSamples(int rounds = 12)
    {
        var project = Create();
        TrackerService.Start(project.SigilDirectory);
        var app = System.IO.Path.Combine(Repository.QuickStart, "bin", "Debug", "net10.0", "QuickStart.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--rounds");
        start.ArgumentList.Add(rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["SIGIL_PROJECT_DIR"] = project.Path;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.IsTrue(process.WaitForExit(60_000), "QuickStart did not finish");
        Assert.AreEqual(0, process.ExitCode, output.Result + error.Result);
        TrackerService.Stop(project.SigilDirectory);
        return project;
    }

    public void Dispose() => _folder.Dispose();
}
