using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Core.Diff;
using Sigil.Core.Identity;
using Sigil.Evaluation.Measurement;
using Sigil.Manifests.Keys;
using Sigil.Projects.Pins;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Cli.Tests.Support;

/// <summary>
/// A project ready for <c>sigil promote|verify|publish</c> without running a search (after the Trust tests' fixture): a
/// trusted Ed25519 key in a keys folder outside the project (<c>SIGIL_KEYS_DIR</c>), and a real LiteDB workspace to
/// which tests add candidates built by <see cref="CandidateBuilder"/> from whole methods, as runs build them, with the
/// holdout evaluations a run stores. Two layouts:
/// <list type="bullet">
/// <item><see cref="Create"/>: a git repository in a temp folder (hermetic git config) whose <c>app/</c> folder is a
/// copy of samples/QuickStart with its real build output; for publishing. The copy has no Sigil build wiring, so promote
/// runs there with <c>--no-artifacts</c>.</item>
/// <item><see cref="CreateOnSample"/>: a temp project folder whose sigil.json names the real samples/QuickStart project
/// (opened read-only, never published), so promote compiles real artifacts and verify accepts the manifest.</item>
/// </list>
/// </summary>
internal sealed class TrustProject : IDisposable
{
    public const string Spec = "quickstart";
    public const string Workspace = "v1";
    public const string KeyName = "release";
    public const string Email = "ada@example.test";
    public const string RootPin = "Kernels.Root(double)";
    public const string SumPin = "Kernels.SumOfSquares(int[])";

    public const string FastRoot = """
        public static double Root(double x)
        {
            return x <= 0 ? 0 : Math.Sqrt(x);
        }
        """;

    public const string FastSum = """
        public static long SumOfSquares(int[] values)
        {
            long total = 0;
            foreach (var v in values)
            {
                total += (long)v * v;
            }
            return total;
        }
        """;

    private static readonly string[] s_sourceFiles = ["Kernels.cs", "Program.cs", "QuickStartSpec.cs", "QuickStart.csproj", "sigil.json"];
    private static readonly string s_dll = Path.Combine(AppContext.BaseDirectory, "sigil.dll");

    private readonly TempFolder _home = new();
    private readonly Dictionary<string, string> _environment;
    private readonly IReadOnlyDictionary<string, FunctionId> _functions;
    private DateTimeOffset _clock = DateTimeOffset.UtcNow.AddHours(-1);

    private TrustProject(bool onSample)
    {
        ProjectDirectory = onSample ? _home.Combine("project") : _home.Combine("repo", "app");
        var config = _home.Combine("gitconfig");
        File.WriteAllText(config, string.Empty);
        _environment = new()
        {
            ["GIT_CONFIG_GLOBAL"] = config,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CEILING_DIRECTORIES"] = _home.Path,
            ["SIGIL_KEYS_DIR"] = KeysDirectory,
            ["LC_ALL"] = "C",
        };
        Assembly = BuildOutputLocator.Find(Path.Combine(SampleDirectory, "QuickStart.csproj")).AssemblyPath;
        SourceDirectory = onSample ? SampleDirectory : ProjectDirectory;
        _functions = PinCatalogReader.Read(Assembly).Select(p => FunctionId.Parse(p.FunctionId)).ToDictionary(f => f.QualifiedName);
    }

    /// <summary>The temp folder holding the repository, the keys and the git config.</summary>
    public string Home => _home.Path;

    public string RepositoryRoot => _home.Combine("repo");

    /// <summary>The Sigil project (<c>repo/app</c>, or <c>project</c> on the sample); commands run here.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The folder of the project's sources (Kernels.cs).</summary>
    public string SourceDirectory { get; }

    private static string SampleDirectory => Path.Combine(Shell.RepositoryRoot(), "samples", "QuickStart");

    public string KeysDirectory => _home.Combine("keys");

    public string DefaultManifest => Path.Combine(ProjectDirectory, "sigil.manifest.json");

    /// <summary>The real built QuickStart.dll the copy's build output is taken from.</summary>
    public string Assembly { get; }

    /// <summary>The scenario: sources committed on <c>main</c>, key created and trusted (and committed), build output in place.</summary>
    public static TrustProject Create()
    {
        var project = new TrustProject(onSample: false);
        Directory.CreateDirectory(project.ProjectDirectory);
        foreach (var file in s_sourceFiles)
        {
            File.Copy(Path.Combine(SampleDirectory, file), Path.Combine(project.ProjectDirectory, file));
        }
        File.WriteAllText(Path.Combine(project.RepositoryRoot, ".gitignore"), "bin/\nobj/\n.sigil/\n");
        var dll = Path.Combine(project.ProjectDirectory, "bin", "Debug", "net10.0", "QuickStart.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.Copy(project.Assembly, dll);
        File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(1));
        project.CreateKey();
        project.Git("init", "-q", "-b", "main");
        project.Git("config", "user.name", "Ada Tester");
        project.Git("config", "user.email", Email);
        project.CommitAll("QuickStart");
        return project;
    }

    /// <summary>
    /// The scenario on the real sample: sigil.json names samples/QuickStart/QuickStart.csproj (its sources and build
    /// output are read, never written), key created and trusted; no git repository.
    /// </summary>
    public static TrustProject CreateOnSample()
    {
        var project = new TrustProject(onSample: true);
        Directory.CreateDirectory(project.ProjectDirectory);
        File.WriteAllText(Path.Combine(project.ProjectDirectory, "sigil.json"),
            JsonSerializer.Serialize(new { project = Path.Combine(SampleDirectory, "QuickStart.csproj") }));
        project.CreateKey();
        return project;
    }

    private void CreateKey()
    {
        using var key = new SigningKeyStore(KeysDirectory).New(KeyName);
        new TrustStore(ProjectDirectory).Trust(key.PublicKey.Span, KeyName);
    }

    /// <summary>
    /// Adds a candidate for <paramref name="pin"/> (a whole method) to the workspace with a visible evaluation and a
    /// holdout one holding <paramref name="holdout"/>.
    /// </summary>
    public CandidateRecord AddCandidate(string pin, string method, Dictionary<string, double> holdout)
    {
        var function = _functions[pin];
        var sources = new Dictionary<string, string> { ["Kernels.cs"] = File.ReadAllText(Path.Combine(SourceDirectory, "Kernels.cs")) };
        var built = CandidateBuilder.Build(sources, PinTarget.For("Kernels.cs", function), "```csharp\n" + method + "\n```", new EditOptions { Scope = EditScope.PinOnly });
        var candidate = built as Candidate ?? throw new AssertFailedException($"Candidate not built: {built.Failure}");
        var record = CandidateRecord.Create(function, Spec, Workspace, null, candidate.Diff, candidate.AstPatch,
            new Provenance { GeneratorKind = "human" }, Tick());
        var eval = pin == RootPin ? "RootError" : "SumIsExact";
        using var store = LiteDbWorkspaceStore.Open(Path.Combine(ProjectDirectory, ".sigil"));
        store.InsertCandidate(record);
        store.InsertEvaluation(EvaluationRecord.Create(record.Id, eval, "1:test", "b3:" + new string('a', 64), Speed(3.0, 2.5, 3.5, rounds: 30), true, null, Tick()));
        store.InsertEvaluation(EvaluationRecord.Create(record.Id, eval + "#holdout", "1:test", "b3:" + new string('b', 64), holdout, true, null, Tick()));
        return record;
    }

    /// <summary>Evaluation metrics as a run's holdout confirmation stores them.</summary>
    public static Dictionary<string, double> Speed(double speedup, double low, double high, bool accepted = true, int rounds = 100, int samples = 20) =>
        new()
        {
            [MetricNames.Speedup] = speedup,
            [MetricNames.SpeedupCiLow] = low,
            [MetricNames.SpeedupCiHigh] = high,
            [MetricNames.Confidence] = 0.95,
            [MetricNames.Rounds] = rounds,
            [MetricNames.Samples] = samples,
            [MetricNames.CorrectSamples] = samples,
            [MetricNames.Accepted] = accepted ? 1 : 0,
            [MetricNames.P50Ns] = 41.5,
            [MetricNames.P99Ns] = 90,
            [MetricNames.Exceptions] = 0,
            [MetricNames.ScoreDelta] = 0,
            [MetricNames.ScoreDeltaCiLow] = 0,
            [MetricNames.ScoreDeltaCiHigh] = 0,
        };

    /// <summary>Runs <c>sigil ARGS</c> in the project folder with this scenario's keys folder and git config.</summary>
    public CliResult Sigil(params string[] args) => Shell.Run(ProjectDirectory, "dotnet", [s_dll, .. args], _environment, timeoutSeconds: 120);

    /// <summary>Runs a command that must succeed and parses its JSON output.</summary>
    public JsonElement Json(params string[] args)
    {
        var result = Sigil([.. args, "--json"]);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    /// <summary>Runs git in the repository; it must succeed.</summary>
    public string Git(params string[] args)
    {
        var result = Shell.Run(RepositoryRoot, "git", args, _environment, timeoutSeconds: 60);
        Assert.AreEqual(0, result.ExitCode, $"git {string.Join(' ', args)}: {result}");
        return result.StandardOutput;
    }

    public void CommitAll(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    /// <summary>Everything a refused command must leave as it was: refs, HEAD, status, and every file of the scenario (keys included).</summary>
    public string Snapshot()
    {
        var builder = new StringBuilder(Git("for-each-ref", "--format=%(refname) %(objectname)"));
        builder.Append(Git("symbolic-ref", "HEAD"));
        builder.Append(Git("status", "--porcelain=v1", "--untracked-files=all", "--ignored"));
        foreach (var file in Directory.EnumerateFiles(Home, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Home, file);
            if (!relative.StartsWith("repo/.git/", StringComparison.Ordinal))
            {
                builder.Append(relative).Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
            }
        }
        return builder.ToString();
    }

    private DateTimeOffset Tick() => _clock = _clock.AddSeconds(1);

    public void Dispose() => _home.Dispose();
}
