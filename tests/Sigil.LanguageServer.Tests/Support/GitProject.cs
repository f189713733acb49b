using System.Diagnostics;
using System.Text.Json;
using Sigil.Manifests.Keys;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>
/// A git repository in a temp folder whose <c>app/</c> is a copy of samples/QuickStart (sources committed on main, the
/// real build output copied for the ABI check, ignored), a trusted key, and the shared run's workspace store copied in:
/// what publishing needs, with a hermetic git configuration for both the tests and the server.
/// </summary>
internal sealed class GitProject : IDisposable
{
    public const string KeyName = "release";

    private static readonly string[] s_sources = ["Kernels.cs", "Program.cs", "QuickStartSpec.cs", "QuickStart.csproj"];
    private readonly TempFolder _home = new();

    private GitProject()
    {
        Environment = new Dictionary<string, string>
        {
            ["GIT_CONFIG_GLOBAL"] = _home.Combine("gitconfig"),
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CEILING_DIRECTORIES"] = _home.Path,
            [SigningKeyStore.DirectoryVariable] = _home.Combine("keys"),
            ["LC_ALL"] = "C",
        };
        File.WriteAllText(Environment["GIT_CONFIG_GLOBAL"], "");
    }

    public string Repository => _home.Combine("repo");

    public string ProjectDirectory => _home.Combine("repo", "app");

    /// <summary>The environment of git and the server.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>The repository, with the store of <paramref name="storeSnapshot"/>.</summary>
    public static GitProject Create(string storeSnapshot)
    {
        var project = new GitProject();
        Directory.CreateDirectory(project.ProjectDirectory);
        foreach (var file in s_sources)
        {
            File.Copy(Path.Combine(Support.Repository.QuickStart, file), Path.Combine(project.ProjectDirectory, file));
        }
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "sigil.json"), JsonSerializer.Serialize(new { project = "QuickStart.csproj" }));
        File.WriteAllText(Path.Combine(project.Repository, ".gitignore"), "bin/\nobj/\n.sigil/\n");
        // The sample takes its target framework and Sigil wiring from samples/Directory.Build.*: the copy imports the
        // same files, so MSBuild loads it as it loads the sample (promote compiles the artifact from it).
        var samples = Path.GetDirectoryName(Support.Repository.QuickStart)!;
        foreach (var kind in new[] { "props", "targets" })
        {
            File.WriteAllText(Path.Combine(project.Repository, $"Directory.Build.{kind}"),
                $"<Project>\n  <Import Project=\"{Path.Combine(samples, $"Directory.Build.{kind}")}\" />\n</Project>\n");
        }
        var dll = Path.Combine(project.ProjectDirectory, "bin", "Debug", "net10.0", "QuickStart.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.Copy(Path.Combine(Support.Repository.QuickStart, "bin", "Debug", "net10.0", "QuickStart.dll"), dll);
        var sigil = Path.Combine(project.ProjectDirectory, ".sigil");
        Directory.CreateDirectory(sigil);
        foreach (var file in Directory.GetFiles(storeSnapshot))
        {
            File.Copy(file, Path.Combine(sigil, Path.GetFileName(file)));
        }
        using (var key = new SigningKeyStore(project.Environment[SigningKeyStore.DirectoryVariable]).New(KeyName))
        {
            new TrustStore(project.ProjectDirectory).Trust(key.PublicKey.Span, KeyName);
        }
        project.Git("init", "-q", "-b", "main");
        project.Git("config", "user.name", "Ada Tester");
        project.Git("config", "user.email", "ada@example.test");
        project.CommitAll("QuickStart");
        return project;
    }

    public void CommitAll(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        Directory.CreateDirectory(Repository);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.IsTrue(process.WaitForExit(30_000), "git " + string.Join(' ', args) + " hung");
        Assert.AreEqual(0, process.ExitCode, $"git {string.Join(' ', args)}: {error.Result}");
        return output.Result;
    }

    public void Dispose() => _home.Dispose();
}
