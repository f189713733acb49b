using System.Diagnostics;

namespace Sigil.Benchmarks.Lsp;

/// <summary>
/// Issue 5's "server start to first lens ≤ 2 s": <c>runs</c> fresh <c>sigil-lsp</c> processes on the generated solution,
/// each driven as an editor opening the folder with a pinned file already open: start the process, <c>initialize</c>
/// (sent at once; the request waits in the pipe until the server reads it), on its answer <c>initialized</c> and
/// <c>didOpen</c> of a pinned file (a different one each run), then <c>textDocument/codeLens</c>, asked again until
/// it has lenses. The figure is the wall time from just before the process is started until the first response with
/// lenses is read. Interleaved with each run, the baseline: <c>dotnet sigil-lsp.dll --version</c> from start to exit
/// (the .NET host, runtime and the server's assembly starting, no LSP).
/// </summary>
internal static class LensColdStart
{
    /// <summary>Runs the processes, prints the table, returns the start-to-first-lens summary.</summary>
    public static async Task<LatencySummary> MeasureAsync(GeneratedSolution solution, int runs, TextWriter log)
    {
        var firstLens = new List<double>();
        var initialized = new List<double>();
        var lensRoundTrip = new List<double>();
        var version = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            version.Add(VersionProcess(solution.Directory));
            var pin = solution.Pins[(run * 7) % solution.Pins.Count];
            await using var server = LspConnection.Start(solution.Directory);
            var initialize = await server.InitializeAsync(solution.Directory);
            server.Open(pin.Uri, File.ReadAllText(pin.FilePath));
            LspResponse lens;
            var attempts = 0;
            do
            {
                lens = await server.CodeLensAsync(pin.Uri);
                attempts++;
            }
            while (lens.Error is null && lens.Result.GetArrayLength() == 0 && attempts < 100);
            if (lens.Error is not null || lens.Result.GetArrayLength() != 3)
            {
                throw new InvalidOperationException($"no lenses for {pin.QualifiedName} in a fresh server: {lens.Error?.ToString() ?? lens.Result.ToString()}");
            }
            firstLens.Add(Stopwatch.GetElapsedTime(server.StartedAt, lens.ReceivedAt).TotalMilliseconds);
            initialized.Add(Stopwatch.GetElapsedTime(server.StartedAt, initialize.ReceivedAt).TotalMilliseconds);
            lensRoundTrip.Add(lens.Milliseconds);
            log.WriteLine($"cold run {run + 1}: initialize answered at {initialized[^1]:F0} ms, first lens at {firstLens[^1]:F0} ms "
                + $"(the codeLens itself {lens.Milliseconds:F0} ms{(attempts > 1 ? $", {attempts} asks" : "")}); --version process {version[^1]:F0} ms");
        }
        var baseline = LatencySummary.Of(version);
        var summary = LatencySummary.Of(firstLens);
        log.WriteLine();
        log.WriteLine(LatencySummary.Header.Replace("| Request | n |", $"| Fresh processes | n |", StringComparison.Ordinal));
        log.WriteLine(baseline.Row("baseline: `dotnet sigil-lsp.dll --version`, start to exit", baseline));
        log.WriteLine(LatencySummary.Of(initialized).Row("start to `initialize` answered", baseline));
        log.WriteLine(LatencySummary.Of(lensRoundTrip).Row("the first codeLens round trip", baseline));
        log.WriteLine(summary.Row("**start to first lens**", baseline));
        log.WriteLine();
        return summary;
    }

    private static double VersionProcess(string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LspConnection.ServerDll);
        start.ArgumentList.Add("--version");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return clock.Elapsed.TotalMilliseconds;
    }
}
