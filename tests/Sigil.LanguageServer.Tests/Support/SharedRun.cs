using System.Text.Json;
using Sigil.Manifests.Keys;

namespace Sigil.LanguageServer.Tests.Support;

/// <summary>
/// One run through the server that several test classes inspect (a run costs seconds): a QuickStart project with
/// samples and a trusted signing key (<see cref="KeyName"/>, in a keys folder given to the server), a client declaring refresh and progress support with Kernels.cs open, and a rules-only best-of-n run on
/// SumOfSquares (offline) started with <c>sigil/run/start</c> and awaited through <c>sigil/run/finished</c>. The
/// client stays connected for the tests' own requests.
/// </summary>
internal sealed class SharedRun
{
    public const string Spec = "quickstart";
    public const string Workspace = "lsp";
    public const int Iterations = 3;
    public const string KeyName = "release";

    private static readonly Lazy<Task<SharedRun>> s_instance = new(CreateAsync);

    private SharedRun(QuickStartProject project, LspClient client, string token, JsonElement finished, IReadOnlyList<Lens> lensesBefore, IReadOnlyList<Lens> lensesAfter)
    {
        Project = project;
        Client = client;
        Token = token;
        Finished = finished;
        LensesBefore = lensesBefore;
        LensesAfter = lensesAfter;
    }

    public QuickStartProject Project { get; }

    public LspClient Client { get; }

    public string Token { get; }

    /// <summary>The <c>sigil/run/finished</c> params.</summary>
    public JsonElement Finished { get; }

    /// <summary>The best candidate of the run.</summary>
    public string BestCandidate => Finished.GetProperty("result").GetProperty("pins")[0].GetProperty("bestCandidate").GetString()!;

    public IReadOnlyList<Lens> LensesBefore { get; }

    /// <summary>A copy of the workspace store's files taken right after the run (before other tests wrote to it).</summary>
    public string StoreSnapshot { get; private init; } = "";

    public IReadOnlyList<Lens> LensesAfter { get; }

    public static Task<SharedRun> GetAsync() => s_instance.Value;

    public static async Task DisposeAsync()
    {
        if (s_instance.IsValueCreated && s_instance.Value.IsCompletedSuccessfully)
        {
            var run = s_instance.Value.Result;
            await run.Client.DisposeAsync();
            run.Project.Dispose();
        }
    }

    private static async Task<SharedRun> CreateAsync()
    {
        var project = QuickStartProject.CreateWithSamples(rounds: 40);
        var keys = project.Home.Combine("keys");
        using (var key = new SigningKeyStore(keys).New(KeyName))
        {
            new TrustStore(project.Path).Trust(key.PublicKey.Span, KeyName);
        }
        var (client, _) = await LspClient.StartInitializedAsync(project.Path, environment: new Dictionary<string, string> { [SigningKeyStore.DirectoryVariable] = keys });
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        var before = await client.LensesAsync(QuickStartProject.KernelsUri);
        var start = await client.RequestAsync<JsonElement>("sigil/run/start", new
        {
            spec = Spec,
            workspace = Workspace,
            optimizer = "best-of-n",
            iterations = Iterations,
            pin = "SumOfSquares",
            rounds = 5,
            acceptRounds = 20,
            holdout = 0.3,
            rulesOnly = true,
        });
        var token = start.GetProperty("token").GetString()!;
        var finished = await client.WaitForEventAsync("sigil/run/finished", f => f.GetProperty("token").GetString() == token, TimeSpan.FromMinutes(3));
        Assert.AreEqual("completed", finished.GetProperty("status").GetString(), finished.ToString() + "\n" + client.Server.Stderr);
        var after = await client.LensesAsync(QuickStartProject.KernelsUri);
        var snapshot = project.Home.Combine("store-after-run");
        Directory.CreateDirectory(snapshot);
        foreach (var file in Directory.GetFiles(project.SigilDirectory, "workspace*.db"))
        {
            File.Copy(file, Path.Combine(snapshot, Path.GetFileName(file)));
        }
        return new SharedRun(project, client, token, finished, before, after) { StoreSnapshot = snapshot };
    }
}
