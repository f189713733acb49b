using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Sigil.Benchmarks.Lsp;

/// <summary>
/// Issue 5, one round trip to a warm Release <c>sigil-lsp</c> over stdio (<see cref="LspConnection"/>) on the
/// generated 500-file, 50-pin solution (<see cref="GeneratedSolution"/>; <see cref="FilledStore"/>: empty
/// <c>.sigil/</c>, or a store holding 4 evaluated candidates per pin), with 10 pinned documents (and 2 others) open:
/// <list type="bullet">
/// <item><see cref="NoWork"/> (the baseline): <c>textDocument/codeLens</c> of a document that is not open: the same
/// method, framing, dispatch and answer, no text to look at.</item>
/// <item><see cref="TrackerStatus"/>: <c>sigil/tracker/status</c> (reads <c>.sigil/tracker.json</c>).</item>
/// <item><see cref="CodeLens"/>: <c>textDocument/codeLens</c> of an open pinned document (the next of the 10 each time).</item>
/// <item><see cref="EditThenCodeLens"/>: a keystroke (<c>didChange</c> with the whole text, one character added to or
/// removed from a comment in turn) then <c>textDocument/codeLens</c> of that document: what an editor sends as the user
/// types; the server handles the change before answering.</item>
/// </list>
/// Percentiles and the cold start are <c>--lsp-latency</c> (<see cref="LensLatency"/>). What is timed runs in the
/// server's process, so the benchmark itself runs in process (no boilerplate project to build): 1 launch, 5 warm-up
/// and 20 measured iterations.
/// </summary>
[Config(typeof(InProcessConfig))]
public class CodeLensBenchmarks
{
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }

    private GeneratedSolution? _solution;
    private LspConnection? _server;
    private List<(string Uri, string Plain, string Edited)> _documents = [];
    private int _next;
    private int _version = 1;

    /// <summary>Whether the store holds candidates (every pin's candidates lens then counts them).</summary>
    [Params(false, true)]
    public bool FilledStore { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _solution = GeneratedSolution.Create(500, FilledStore ? GeneratedSolution.CandidatesPerPin : 0);
        _server = LspConnection.Start(_solution.Directory);
        _server.InitializeAsync(_solution.Directory).GetAwaiter().GetResult();
        var step = _solution.Pins.Count / 10;
        foreach (var pin in Enumerable.Range(0, 10).Select(i => _solution.Pins[i * step]))
        {
            var text = File.ReadAllText(pin.FilePath);
            var summary = text.IndexOf("/// <summary>Component", StringComparison.Ordinal) + "/// <summary>".Length;
            _documents.Add((pin.Uri, text, text.Insert(summary, "x")));
            _server.Open(pin.Uri, text, _version);
        }
        foreach (var file in _solution.Files.Take(2))
        {
            _server.Open(new Uri(file).AbsoluteUri, File.ReadAllText(file));
        }
        foreach (var (uri, _, _) in _documents)
        {
            var lenses = _server.CodeLensAsync(uri).GetAwaiter().GetResult();
            if (lenses.Error is not null || lenses.Result.GetArrayLength() != 3)
            {
                throw new InvalidOperationException($"{uri}: expected 3 lenses, got {lenses.Result}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _solution?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> NoWork() => (await _server!.CodeLensAsync(LensLatency.NotOpenUri)).Result.GetArrayLength();

    [Benchmark]
    public async Task<bool> TrackerStatus() => (await _server!.RequestAsync("sigil/tracker/status", new { })).Error is null;

    [Benchmark]
    public async Task<int> CodeLens() => (await _server!.CodeLensAsync(_documents[_next++ % _documents.Count].Uri)).Result.GetArrayLength();

    [Benchmark]
    public async Task<int> EditThenCodeLens()
    {
        var (uri, plain, edited) = _documents[_next++ % _documents.Count];
        _version++;
        _server!.Change(uri, _version / _documents.Count % 2 == 0 ? plain : edited, _version);
        return (await _server.CodeLensAsync(uri)).Result.GetArrayLength();
    }
}
