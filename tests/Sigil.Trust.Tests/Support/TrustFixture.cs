using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Core.Diff;
using Sigil.Core.Identity;
using Sigil.Manifests.Keys;
using Sigil.Projects;
using Sigil.Publishing.Git;
using Sigil.Trust.Promotion;
using Sigil.Trust.Verification;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Trust.Tests.Support;

/// <summary>
/// A real scenario in a temporary folder: a git repository (hermetic config) whose <c>app/</c> folder is a copy of
/// samples/QuickStart with its real build output, a trusted Ed25519 key in a private keys folder outside the repository,
/// and a real LiteDB workspace to which tests add candidates (built by <see cref="CandidateBuilder"/> from whole-method
/// answers, as runs build them) with visible and holdout evaluations.
/// </summary>
internal sealed class TrustFixture : IDisposable
{
    public const string Spec = "quickstart";
    public const string Workspace = "v1";
    public const string KeyName = "release";
    public const string Email = "ada@example.test";
    public static readonly DateTimeOffset Start = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _environment;
    private readonly Dictionary<CandidateId, IReadOnlyDictionary<string, string>> _sources = [];

    private TrustFixture(string home)
    {
        Home = home;
        RepositoryRoot = Path.Combine(home, "repo");
        ProjectDirectory = Path.Combine(RepositoryRoot, "app");
        KeysDirectory = Path.Combine(home, "keys");
        var config = Path.Combine(home, "gitconfig");
        File.WriteAllText(config, string.Empty);
        _environment = new()
        {
            ["GIT_CONFIG_GLOBAL"] = config, ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CEILING_DIRECTORIES"] = home,
            ["GIT_AUTHOR_NAME"] = null, ["GIT_AUTHOR_EMAIL"] = null, ["GIT_COMMITTER_NAME"] = null, ["GIT_COMMITTER_EMAIL"] = null,
        };
        Git = new GitOptions { Environment = _environment };
        Clock = new ManualClock(Start);
        Functions = QuickStartSample.Functions();
    }

    public string Home { get; }
    public string RepositoryRoot { get; }
    public string ProjectDirectory { get; }
    public string KeysDirectory { get; }
    public SigilPaths Paths => new(ProjectDirectory);
    public GitOptions Git { get; }
    public ManualClock Clock { get; }

    /// <summary>What promote compiles artifacts with (fixed bytes per candidate).</summary>
    public BytesArtifactCompiler Artifacts { get; } = new();
    public IReadOnlyDictionary<string, FunctionId> Functions { get; }
    public string DefaultManifest => Path.Combine(ProjectDirectory, "sigil.manifest.json");
    public string ManifestRecords => Path.Combine(ProjectDirectory, ".sigil", "manifests");

    /// <summary>The scenario: sources committed on <c>main</c>, key created and trusted, build output in place.</summary>
    public static TrustFixture Create()
    {
        var fixture = new TrustFixture(Directory.CreateTempSubdirectory("sigil-trust-").FullName);
        Directory.CreateDirectory(fixture.ProjectDirectory);
        foreach (var file in QuickStartSample.SourceFiles)
        {
            File.Copy(Path.Combine(QuickStartSample.Directory, file), Path.Combine(fixture.ProjectDirectory, file));
        }
        File.WriteAllText(Path.Combine(fixture.RepositoryRoot, ".gitignore"), "bin/\nobj/\n.sigil/\n");
        var dll = Path.Combine(fixture.ProjectDirectory, "bin", "Debug", "net10.0", "QuickStart.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.Copy(QuickStartSample.Assembly, dll);
        File.SetLastWriteTimeUtc(dll, DateTime.UtcNow.AddMinutes(1));
        using (var key = new SigningKeyStore(fixture.KeysDirectory, fixture.Clock).New(KeyName))
        {
            new TrustStore(fixture.ProjectDirectory, fixture.Clock).Trust(key.PublicKey.Span, KeyName);
        }
        fixture.RunGit("init", "-q", "-b", "main");
        fixture.RunGit("config", "user.name", "Ada Tester");
        fixture.RunGit("config", "user.email", Email);
        fixture.CommitAll("QuickStart");
        return fixture;
    }

    /// <summary>
    /// Adds a candidate for <paramref name="pin"/> (a whole method, or SEARCH/REPLACE blocks) with a visible evaluation
    /// and, when given, a holdout one.
    /// </summary>
    public CandidateRecord AddCandidate(string pin, string method, Dictionary<string, double>? holdout, CandidateRecord? parent = null,
        string workspace = Workspace, string suffix = "#holdout", EditScope scope = EditScope.PinOnly)
    {
        var function = Functions[pin];
        var sources = parent is null
            ? new Dictionary<string, string> { ["Kernels.cs"] = File.ReadAllText(Path.Combine(ProjectDirectory, "Kernels.cs")) }
            : _sources[parent.Id];
        var answer = method.StartsWith("<<<<<<<", StringComparison.Ordinal) ? method : "```csharp\n" + method + "\n```";
        var built = CandidateBuilder.Build(sources, PinTarget.For("Kernels.cs", function), answer, new EditOptions { Scope = scope });
        var candidate = built as Candidate ?? throw new AssertFailedException($"Candidate not built: {built.Failure}");
        var record = CandidateRecord.Create(function, Spec, workspace, parent?.Id, candidate.Diff, candidate.AstPatch,
            new Provenance { GeneratorKind = "human" }, Tick());
        _sources[record.Id] = UnifiedPatch.ApplyAll(sources, candidate.Diff);
        var eval = pin == QuickStartSample.RootPin ? "RootError" : "SumIsExact";
        using var store = LiteDbWorkspaceStore.Open(Paths.SigilDirectory);
        store.InsertCandidate(record);
        store.InsertEvaluation(EvaluationRecord.Create(record.Id, eval, "1:test", "b3:" + new string('a', 64),
            HoldoutMetrics.Speed(3.0, 2.5, 3.5, rounds: 30), true, null, Tick()));
        if (holdout is not null)
        {
            AddEvaluation(record, eval + suffix, holdout);
        }
        return record;
    }

    public void AddEvaluation(CandidateRecord record, string evaluator, Dictionary<string, double> metrics, bool correct = true)
    {
        using var store = LiteDbWorkspaceStore.Open(Paths.SigilDirectory);
        store.InsertEvaluation(EvaluationRecord.Create(record.Id, evaluator, "1:test", "b3:" + new string('b', 64), metrics, correct, null, Tick()));
    }

    public PromoteRequest Request() => new(Paths, Spec, Workspace, KeyName) { KeysDirectory = KeysDirectory, Git = Git };

    public Task<PromoteResult> PromoteAsync(Func<PromoteRequest, PromoteRequest>? edit = null) =>
        new PromoteService(Clock, Artifacts).PromoteAsync((edit ?? (r => r))(Request()));

    public VerifyResult Verify(string manifestPath) => new VerifyService(Clock).Verify(new VerifyRequest(manifestPath, Paths));

    public SigningKey LoadKey() => new SigningKeyStore(KeysDirectory, Clock).Load(KeyName);

    public string RunGit(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.AreEqual(0, git.ExitCode, $"git {string.Join(' ', arguments)} failed: {error.Result}");
        return output;
    }

    public void CommitAll(string message)
    {
        RunGit("add", "-A");
        RunGit("commit", "-q", "-m", message);
    }

    /// <summary>Everything a refused command must leave as it was: refs, status, and every file of the scenario (keys included).</summary>
    public string Snapshot()
    {
        var builder = new StringBuilder(RunGit("for-each-ref", "--format=%(refname) %(objectname)"));
        builder.Append(RunGit("status", "--porcelain=v1", "--untracked-files=all", "--ignored"));
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

    private DateTimeOffset Tick() => Clock.Now = Clock.Now.AddSeconds(1);

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
