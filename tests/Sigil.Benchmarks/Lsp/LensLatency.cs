using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sigil.Benchmarks.Pipeline;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.Benchmarks.Lsp;

/// <summary>
/// <c>--lsp-latency</c>: issue 5's targets, "code lens latency p95 ≤ 30 ms on a generated 500-file solution with 50
/// pins; server start to first lens ≤ 2 s", measured against the real Release <c>sigil-lsp</c> over stdio
/// (<see cref="LspConnection"/>), for a solution with an empty <c>.sigil/</c> and one with a filled store
/// (<see cref="GeneratedSolution"/>).
/// <para>Warm server: initialize on the project folder, initialized, didOpen of <c>--open</c> pinned files; the first
/// codeLens of each document; then <c>--rounds</c> rounds of one codeLens per open document, each just after a
/// baseline request that does no work (a codeLens of a document that is not open: the same method, framing, dispatch
/// and answer, no text), and one <c>sigil/tracker/status</c> per round; then <c>--keystrokes</c> keystrokes typed
/// into the open documents (a new comment line above the pin, one character per didChange with the whole text, as
/// VS Code sends it, each followed at once by a codeLens of that document: its latency includes the didChange's own
/// handling, since the server handles notifications before the requests sent after them); then, with a filled store,
/// <c>--store-changes</c> candidates inserted by this process (as a <c>sigil run</c> in a terminal does), each waited
/// until the server's <c>workspace/codeLens/refresh</c> and followed by a codeLens of every open document. Every
/// answer is checked: three lenses on the pin's attribute line, the candidates lens as the store says.</para>
/// <para>Cold: <c>--cold-runs</c> fresh processes (<see cref="LensColdStart"/>).</para>
/// </summary>
internal static class LensLatency
{
    /// <summary>The URI of a document that is never opened: its codeLens does no work (the baseline).</summary>
    public const string NotOpenUri = "file:///nowhere/NotOpen.cs";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter log)
    {
        if (LspLatencyOptions.Parse(args, log) is not { } options)
        {
            return 2;
        }
        var dll = LspConnection.ServerDll;
        log.WriteLine("# machine: " + QuickStartPipeline.Machine());
        log.WriteLine($"# server: {dll} (built {File.GetLastWriteTimeUtc(dll):yyyy-MM-dd HH:mm} UTC)");
        log.WriteLine("# options: " + string.Join(' ', args));
        var verdicts = new List<string>();
        foreach (var filled in options.Store switch { "empty" => new[] { false }, "filled" => [true], _ => [false, true] })
        {
            var generate = Stopwatch.StartNew();
            var solution = GeneratedSolution.Create(options.Files, filled ? options.CandidatesPerPin : 0);
            try
            {
                log.WriteLine();
                log.WriteLine($"## {(filled ? "filled store" : "empty store")}: {solution.Describe()} (generated in {generate.Elapsed.TotalSeconds:F1} s)");
                log.WriteLine("# load average at start: " + QuickStartPipeline.LoadAverage());
                var lenses = await WarmAsync(solution, options, log);
                var cold = await LensColdStart.MeasureAsync(solution, options.ColdRuns, log);
                log.WriteLine("# load average at end: " + QuickStartPipeline.LoadAverage());
                var name = filled ? "filled store" : "empty store";
                verdicts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: codeLens p95 {lenses.P95:F2} ms over {lenses.Count} requests (target ≤ 30 ms: {(lenses.P95 <= 30 ? "met" : "MISSED")}); "
                    + $"start to first lens median {cold.P50:F0} ms, p95 {cold.P95:F0} ms over {cold.Count} processes (target ≤ 2000 ms: {(cold.P95 <= 2000 ? "met" : cold.P50 <= 2000 ? "met at the median, missed at p95" : "MISSED")})"));
            }
            finally
            {
                if (options.Keep)
                {
                    log.WriteLine("# kept " + solution.Directory);
                }
                else
                {
                    solution.Dispose();
                }
            }
        }
        log.WriteLine();
        foreach (var verdict in verdicts)
        {
            log.WriteLine(verdict);
        }
        return 0;
    }

    /// <summary>The warm server's figures; returns the summary of every codeLens of an open document (what the target is about).</summary>
    private static async Task<LatencySummary> WarmAsync(GeneratedSolution solution, LspLatencyOptions options, TextWriter log)
    {
        await using var server = LspConnection.Start(solution.Directory);
        var initialize = await server.InitializeAsync(solution.Directory);
        var project = initialize.Result.GetProperty("capabilities").GetProperty("experimental").GetProperty("sigil").GetProperty("projectDirectory").GetString();
        if (project != solution.Directory)
        {
            throw new InvalidOperationException($"the server serves {project ?? "no project"}, not {solution.Directory}");
        }
        var step = solution.Pins.Count / options.Open;
        var documents = Enumerable.Range(0, options.Open).Select(i => new OpenState(solution.Pins[i * step])).ToList();
        foreach (var document in documents)
        {
            server.Open(document.Pin.Uri, document.Text, document.Version);
        }
        // Two ordinary files open as well, as in an editor (they have no pins: no lenses).
        foreach (var file in solution.Files.Take(2))
        {
            server.Open(new Uri(file).AbsoluteUri, File.ReadAllText(file));
        }

        var expected = solution.StoredPerPin switch { 0 => "No candidates yet", 1 => "1 candidate · ", var n => $"{n} candidates · " };
        var first = new List<double>();
        foreach (var document in documents)
        {
            first.Add(Check(await server.CodeLensAsync(document.Pin.Uri), document, expected).Milliseconds);
        }

        var baseline = new List<double>();
        var steady = new List<double>();
        var tracker = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var document in documents)
            {
                var none = await server.CodeLensAsync(NotOpenUri);
                if (none.Result.GetArrayLength() != 0)
                {
                    throw new InvalidOperationException("a document that is not open has lenses");
                }
                baseline.Add(none.Milliseconds);
                steady.Add(Check(await server.CodeLensAsync(document.Pin.Uri), document, expected).Milliseconds);
            }
            var status = await server.RequestAsync("sigil/tracker/status", new { });
            if (status.Error is not null)
            {
                throw new InvalidOperationException("sigil/tracker/status failed: " + status.Error);
            }
            tracker.Add(status.Milliseconds);
        }

        var typing = new List<double>();
        const string typed = "        // typed one keystroke at a time: the lenses must follow";
        for (var k = 0; k < options.Keystrokes; k++)
        {
            var document = documents[k / typed.Length % documents.Count];
            document.Type(typed);
            server.Change(document.Pin.Uri, document.Text, document.Version);
            typing.Add(Check(await server.CodeLensAsync(document.Pin.Uri), document, expected).Milliseconds);
        }

        var afterStore = new List<double>();
        var afterStoreOthers = new List<double>();
        if (solution.StoredCandidates > 0)
        {
            for (var s = 0; s < options.StoreChanges; s++)
            {
                var document = documents[s % documents.Count];
                var refreshed = server.NextRefresh();
                InsertCandidate(solution, document.Pin, s);
                if (await Task.WhenAny(refreshed, Task.Delay(TimeSpan.FromSeconds(10))) != refreshed)
                {
                    throw new InvalidOperationException("no workspace/codeLens/refresh within 10 s of a store change");
                }
                document.StoredExtra++;
                for (var d = 0; d < documents.Count; d++)
                {
                    var other = documents[d];
                    var lens = Check(await server.CodeLensAsync(other.Pin.Uri), other, $"{solution.StoredPerPin + other.StoredExtra} candidates · ");
                    (d == 0 ? afterStore : afterStoreOthers).Add(lens.Milliseconds);
                }
                await Task.Delay(TimeSpan.FromSeconds(1)); // Lets a second refresh of the same change come and go.
            }
        }

        var children = server.ChildProcesses();
        var built = new[] { "bin", "obj" }.Where(d => Directory.Exists(Path.Combine(solution.Directory, d))).ToList();
        var diagnostics = documents.Sum(d => server.DiagnosticCounts.GetValueOrDefault(d.Pin.Uri, -1));
        var stderr = server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var exit = await server.ShutdownAsync();

        var all = LatencySummary.Of([.. first, .. steady, .. typing, .. afterStore, .. afterStoreOthers]);
        var base_ = LatencySummary.Of(baseline);
        log.WriteLine($"# initialize answered in {initialize.Milliseconds:F1} ms; server child processes during the session: {(children.Count == 0 ? "none" : string.Join("; ", children))}; "
            + $"bin/ or obj/ in the solution: {(built.Count == 0 ? "none (nothing was built)" : string.Join(", ", built))}; "
            + $"pin diagnostics on the open documents: {diagnostics}; {server.Refreshes} refreshes received; server stderr: {stderr.Length} lines; exit code {exit}");
        foreach (var line in stderr.Where(l => l.Contains("warn", StringComparison.OrdinalIgnoreCase) || l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(5))
        {
            log.WriteLine("# server: " + line);
        }
        log.WriteLine();
        log.WriteLine(LatencySummary.Header);
        log.WriteLine(base_.Row("baseline: codeLens of a document not open (no work)", base_));
        log.WriteLine(LatencySummary.Of(tracker).Row("`sigil/tracker/status`", base_));
        log.WriteLine(LatencySummary.Of(first).Row("first codeLens of each open document", base_));
        log.WriteLine(LatencySummary.Of(steady).Row("codeLens, open document, warm", base_));
        log.WriteLine(LatencySummary.Of(typing).Row("codeLens right after a didChange (typing)", base_));
        if (afterStore.Count > 0)
        {
            log.WriteLine(LatencySummary.Of(afterStore).Row("codeLens after a store change, first document (store re-read)", base_));
            log.WriteLine(LatencySummary.Of(afterStoreOthers).Row("codeLens after a store change, other documents", base_));
        }
        log.WriteLine(all.Row("**every codeLens of an open document**", base_));
        log.WriteLine();
        return all;
    }

    /// <summary>Checks a pinned document's lenses: three on the pin's attribute line, the candidates lens starting with <paramref name="expected"/>.</summary>
    private static LspResponse Check(LspResponse response, OpenState document, string expected)
    {
        if (response.Error is { } error)
        {
            throw new InvalidOperationException("codeLens failed: " + error);
        }
        var lenses = response.Result.EnumerateArray().ToList();
        var lines = lenses.Select(l => l.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()).Distinct().ToList();
        var titles = lenses.Select(l => l.GetProperty("command").GetProperty("title").GetString() ?? "").ToList();
        var pin = lenses.Count > 0 ? lenses[0].GetProperty("command").GetProperty("arguments")[0].GetProperty("pin").GetString() : null;
        if (lenses.Count != 3 || lines.Count != 1 || lines[0] != document.AttributeLine || titles[0] != "Improve this method"
            || !titles[1].StartsWith(expected, StringComparison.Ordinal) || pin != document.Pin.QualifiedName)
        {
            throw new InvalidOperationException($"unexpected lenses for {document.Pin.QualifiedName} (attribute on line {document.AttributeLine}, expected '{expected}…'): "
                + JsonSerializer.Serialize(response.Result));
        }
        return response;
    }

    private static void InsertCandidate(GeneratedSolution solution, GeneratedPin pin, int serial)
    {
        using var store = LiteDbWorkspaceStore.Open(solution.SigilDirectory);
        var function = FunctionId.Create("Bench", FunctionId.NoCommit, "Bench", pin.QualifiedName, Blake3Digest.Hex("abi:" + pin.QualifiedName));
        var diff = $"--- a/x.cs\n+++ b/x.cs\n@@ -1 +1 @@\n-    return 0;\n+    return {serial}; // stored while the editor is open\n";
        var candidate = CandidateRecord.Create(function, SolutionSourceWriter.Spec, SolutionSourceWriter.Workspace, null, diff,
            $"{{\"ops\":[{{\"op\":\"replace\",\"target\":\"{pin.QualifiedName}\",\"serial\":{serial}}}]}}",
            new Provenance { GeneratorKind = "heuristic", Optimizer = "best-of-n" }, DateTimeOffset.UtcNow, $"stored during the benchmark ({serial})");
        store.InsertCandidate(candidate);
        store.InsertEvaluation(EvaluationRecord.Create(candidate.Id, "Bench.Eval", "1", "b3:" + Blake3Digest.Hex("samples"),
            new Dictionary<string, double> { ["speedup"] = 1.01 }, true, null, DateTimeOffset.UtcNow));
    }
}
