using System.Diagnostics;
using System.Text.Json;

namespace Sigil.Cli.Tests.Support;

/// <summary>
/// A temp folder standing for a project directory: sigil.json names the real samples/QuickStart project, and the real
/// app has been run with tracking on (SIGIL_PROJECT_DIR points here), so `sigil run` has real samples to replay.
/// </summary>
internal sealed class QuickStartProject : IDisposable
{
    private readonly TempFolder _folder = new();

    private QuickStartProject()
    {
    }

    public string Path => _folder.Path;

    public string SigilDirectory => _folder.Combine(".sigil");

    public static QuickStartProject Create(int rounds = 12)
    {
        var project = new QuickStartProject();
        var root = Shell.RepositoryRoot();
        var csproj = System.IO.Path.Combine(root, "samples", "QuickStart", "QuickStart.csproj");
        File.WriteAllText(project._folder.Combine("sigil.json"), JsonSerializer.Serialize(new { project = csproj }));
        Assert.AreEqual(0, SigilCli.Run(project.Path, "tracker", "start").ExitCode);
        var app = System.IO.Path.Combine(root, "samples", "QuickStart", "bin", "Debug", "net10.0", "QuickStart.dll");
        var result = Shell.Run(project.Path, "dotnet", [app, "--rounds", rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["SIGIL_PROJECT_DIR"] = project.Path }, timeoutSeconds: 60);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(0, SigilCli.Run(project.Path, "tracker", "stop").ExitCode);
        return project;
    }

    /// <summary>Starts `sigil ARGS` without waiting (for kill tests); stderr lines go to <paramref name="onError"/>.</summary>
    public Process Start(Action<string> onError, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "sigil.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onError(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    public void Dispose() => _folder.Dispose();
}
