using System.Diagnostics;
using System.Text;
using Sigil.Publishing.Git;

namespace Sigil.Publishing.Tests.Support;

/// <summary>
/// A real git repository in a temporary folder, with a hermetic git configuration (no global or system config), run
/// through its own small git runner so the library is never tested with itself.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    private readonly string _home;
    private readonly Dictionary<string, string?> _environment;

    private TestRepository(string home)
    {
        _home = home;
        Root = System.IO.Path.Combine(home, "repo");
        Outside = System.IO.Path.Combine(home, "outside");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
        var config = System.IO.Path.Combine(home, "gitconfig");
        File.WriteAllText(config, string.Empty);
        _environment = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_GLOBAL"] = config,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CEILING_DIRECTORIES"] = home,
            ["GIT_AUTHOR_NAME"] = null,
            ["GIT_AUTHOR_EMAIL"] = null,
            ["GIT_COMMITTER_NAME"] = null,
            ["GIT_COMMITTER_EMAIL"] = null,
        };
        Options = new GitOptions { Environment = _environment };
    }

    /// <summary>The working tree.</summary>
    public string Root { get; }

    /// <summary>A folder next to the repository, not inside any repository (for patches and non-repository cases).</summary>
    public string Outside { get; }

    /// <summary>Git options with the same hermetic configuration, for the code under test.</summary>
    public GitOptions Options { get; }

    /// <summary>An empty repository on <c>main</c>; with an identity unless <paramref name="withIdentity"/> is false.</summary>
    public static TestRepository Create(bool withIdentity = true)
    {
        var repository = new TestRepository(Directory.CreateTempSubdirectory("sigil-publishing-").FullName);
        repository.Git("init", "-q", "-b", "main");
        if (withIdentity)
        {
            repository.Git("config", "user.name", "Ada Tester");
            repository.Git("config", "user.email", "ada@example.test");
        }
        return repository;
    }

    /// <summary>A repository holding the sample project (<see cref="SampleSources"/>) in one commit on <c>main</c>.</summary>
    public static TestRepository WithSample(string? kernels = null)
    {
        var repository = Create();
        repository.Write(".gitignore", "bin/\nobj/\n*.log\n");
        repository.Write("src/Sample.csproj", SampleSources.Project);
        repository.Write(SampleSources.KernelsPath, kernels ?? SampleSources.Kernels);
        repository.Write(SampleSources.GeometryPath, SampleSources.Geometry);
        repository.CommitAll("Sample project");
        return repository;
    }

    public string Git(params string[] arguments)
    {
        var (exitCode, output, error) = TryGit(arguments);
        Assert.AreEqual(0, exitCode, $"git {string.Join(' ', arguments)} failed: {error}");
        return Encoding.UTF8.GetString(output);
    }

    public byte[] GitBytes(params string[] arguments)
    {
        var (exitCode, output, error) = TryGit(arguments);
        Assert.AreEqual(0, exitCode, $"git {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public (int ExitCode, byte[] Output, string Error) TryGit(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        using var git = Process.Start(start)!;
        git.StandardInput.Close();
        using var output = new MemoryStream();
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.BaseStream.CopyTo(output);
        git.WaitForExit();
        return (git.ExitCode, output.ToArray(), error.Result);
    }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public byte[] Read(string relative) => File.ReadAllBytes(Path(relative));

    public void CommitAll(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string CurrentBranch => Git("rev-parse", "--abbrev-ref", "HEAD").Trim();

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
