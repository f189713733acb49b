using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Clients;

/// <summary>
/// A third-party client: Neovim's built-in LSP client (headless, no user config, no plugins) starts the real
/// <c>dotnet sigil-lsp.dll</c>, opens the real samples/QuickStart/Kernels.cs in a temp project and receives the lenses a
/// user sees, as neovim-codelens.lua records them (the client's lenses and the virtual text it draws).
/// </summary>
[TestClass]
public sealed class NeovimClientTests
{
    private static readonly TimeSpan NeovimTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The three lenses of a pin in a project without runs, in the server's order.</summary>
    private static readonly (string Title, string Command)[] PinLenses =
    [
        ("Improve this method", "sigil.improve"),
        ("No candidates yet", "sigil.candidates.show"),
        ("Tracker: off", "sigil.tracker.toggle"),
    ];

    [TestMethod]
    public async Task Neovim_OpensKernels_ThreeLensesAboveEachPinAsTheCSharpClientGets()
    {
        using var project = QuickStartProject.Create();
        var pinLines = PinLines(QuickStartProject.KernelsText);

        var neovim = await NeovimRun.RunAsync(project, insertLines: 0);
        var csharp = await CSharpLensesAsync(project);

        Assert.IsNotEmpty(pinLines, "Kernels.cs has [Improve( pins");
        CollectionAssert.AreEqual(Expected(pinLines), neovim.Lenses.ToArray(), "lenses Neovim received (line: title -> command)\n" + neovim.Report);
        CollectionAssert.AreEqual(csharp.Select(l => new ReceivedLens(l.Line, l.Title, l.Command)).ToArray(), neovim.Lenses.ToArray(),
            "Neovim received what the C# client gets\n" + neovim.Report);
        CollectionAssert.AreEqual(Shown(pinLines), neovim.Shown.ToArray(), "the virtual text Neovim draws\n" + neovim.Report);
    }

    [TestMethod]
    public async Task Neovim_InsertsTwoLinesAtTheTop_LensesMoveDownTwoLines()
    {
        using var project = QuickStartProject.Create();
        var pinLines = PinLines(QuickStartProject.KernelsText);
        var movedLines = PinLines("\n\n" + QuickStartProject.KernelsText);

        var neovim = await NeovimRun.RunAsync(project, insertLines: 2);

        Assert.IsNotEmpty(pinLines, "Kernels.cs has [Improve( pins");
        CollectionAssert.AreEqual(pinLines.Select(l => l + 2).ToArray(), movedLines.ToArray(), "the scan of the edited text");
        CollectionAssert.AreEqual(Expected(pinLines), neovim.Lenses.ToArray(), "lenses before the edit\n" + neovim.Report);
        CollectionAssert.AreEqual(Expected(movedLines), neovim.LensesAfterEdit.ToArray(), "lenses after the didChange\n" + neovim.Report);
        CollectionAssert.AreEqual(neovim.Lenses.Select(l => l with { Line = l.Line + 2 }).ToArray(), neovim.LensesAfterEdit.ToArray(),
            "every lens moved down two lines\n" + neovim.Report);
        CollectionAssert.AreEqual(Shown(movedLines), neovim.ShownAfterEdit.ToArray(), "the virtual text after the edit\n" + neovim.Report);
    }

    /// <summary>
    /// The 0-based line of each pin's first attribute: for every line holding <c>[Improve(</c>, the first line of the
    /// attribute lines right above and including it.
    /// </summary>
    private static List<int> PinLines(string text)
    {
        var lines = text.Split('\n');
        var pins = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("[Improve(", StringComparison.Ordinal))
            {
                continue;
            }
            var first = i;
            while (first > 0 && lines[first - 1].TrimStart().StartsWith('['))
            {
                first--;
            }
            pins.Add(first);
        }
        return pins;
    }

    private static ReceivedLens[] Expected(IEnumerable<int> pinLines) =>
        [.. pinLines.SelectMany(line => PinLenses.Select(l => new ReceivedLens(line, l.Title, l.Command)))];

    private static ShownLine[] Shown(IEnumerable<int> pinLines) =>
        [.. pinLines.Select(line => new ShownLine(line, string.Join(" | ", PinLenses.Select(l => l.Title))))];

    /// <summary>The lenses the repository's C# client gets for the same file and project.</summary>
    private static async Task<IReadOnlyList<Lens>> CSharpLensesAsync(QuickStartProject project)
    {
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        return await client.LensesAsync(QuickStartProject.KernelsUri);
    }

    /// <summary>A lens as Neovim holds it (<c>vim.lsp.codelens.get</c>).</summary>
    private sealed record ReceivedLens(int Line, string Title, string Command)
    {
        public override string ToString() => $"{Line}: {Title} -> {Command}";
    }

    /// <summary>The virtual text Neovim draws on a line (the lenses' titles joined by " | ").</summary>
    private sealed record ShownLine(int Line, string Text)
    {
        public override string ToString() => $"{Line}: {Text}";
    }

    /// <summary>One headless Neovim running neovim-codelens.lua, and what it recorded.</summary>
    private sealed class NeovimRun
    {
        private NeovimRun(JsonElement output, string report)
        {
            Report = report;
            Lenses = ReadLenses(output.GetProperty("lenses"));
            Shown = ReadShown(output.GetProperty("shown"));
            if (output.TryGetProperty("afterEdit", out var after))
            {
                LensesAfterEdit = ReadLenses(after.GetProperty("lenses"));
                ShownAfterEdit = ReadShown(after.GetProperty("shown"));
            }
        }

        public IReadOnlyList<ReceivedLens> Lenses { get; }

        public IReadOnlyList<ShownLine> Shown { get; }

        public IReadOnlyList<ReceivedLens> LensesAfterEdit { get; } = [];

        public IReadOnlyList<ShownLine> ShownAfterEdit { get; } = [];

        /// <summary>Exit code, time, the script's result, Neovim's stdout/stderr and logs (the LSP log holds the server's stderr).</summary>
        public string Report { get; }

        /// <summary>
        /// Runs <c>nvim --headless --clean</c> with the script on <paramref name="project"/>; fails (never hangs) when Neovim
        /// is missing, does not finish within a minute, exits non-zero, or the script reports an error.
        /// </summary>
        public static async Task<NeovimRun> RunAsync(QuickStartProject project, int insertLines)
        {
            var nvim = FindOnPath("nvim")
                ?? throw new AssertFailedException("Neovim (nvim, 0.7 or later) is not on PATH; these tests drive its built-in LSP client. Install it with: apt-get install neovim");
            var script = Path.Combine(AppContext.BaseDirectory, "Clients", "neovim-codelens.lua");
            Assert.IsTrue(File.Exists(script), script + " was not copied to the test output");
            var home = project.Home.Combine("neovim");
            var output = Path.Combine(home, "received.json");
            var start = new ProcessStartInfo(nvim)
            {
                WorkingDirectory = project.Path,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // --clean: no user config, plugins or shada; -u NONE: no init file; -n: no swap file; -i NONE: no shada.
            foreach (var argument in new[] { "--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE", "-S", script })
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var xdg in new[] { "CONFIG", "DATA", "STATE", "CACHE" })
            {
                var folder = Path.Combine(home, xdg.ToLowerInvariant());
                Directory.CreateDirectory(folder);
                start.Environment[$"XDG_{xdg}_HOME"] = folder;
            }
            foreach (var inherited in new[] { "NVIM", "NVIM_LISTEN_ADDRESS", "NVIM_APPNAME", "NVIM_LOG_FILE", "VIMINIT", "EXINIT", "MYVIMRC" })
            {
                start.Environment.Remove(inherited);
            }
            // The server is Neovim's child: the same environment ServerProcess gives it.
            start.Environment["OPENAI_BASE_URL"] = "";
            start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetTempPath();
            start.Environment["SIGIL_NVIM_SERVER_DLL"] = Repository.ServerDll;
            start.Environment["SIGIL_NVIM_ROOT"] = project.Path;
            start.Environment["SIGIL_NVIM_FILE"] = QuickStartProject.KernelsPath;
            start.Environment["SIGIL_NVIM_INSERT"] = insertLines.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["SIGIL_NVIM_OUT"] = output;

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var finished = true;
            using (var timeout = new CancellationTokenSource(NeovimTimeout))
            {
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    finished = false;
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            clock.Stop();

            var report = new StringBuilder()
                .AppendLine(finished ? $"nvim exited with {process.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s" : $"nvim did not finish within {NeovimTimeout} (killed with its process tree)")
                .AppendLine("--- received.json").AppendLine(File.Exists(output) ? File.ReadAllText(output) : "(not written)")
                .AppendLine("--- nvim stdout").AppendLine(await Drained(stdout))
                .AppendLine("--- nvim stderr").AppendLine(await Drained(stderr));
            foreach (var log in Directory.EnumerateFiles(home, "*log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                report.AppendLine("--- " + log).AppendLine(Tail(File.ReadAllText(log), 30_000));
            }
            var text = report.ToString();

            Assert.IsTrue(finished, text);
            Assert.IsTrue(File.Exists(output), "the script wrote no result\n" + text);
            using var json = JsonDocument.Parse(File.ReadAllText(output));
            var result = json.RootElement;
            Assert.IsFalse(result.TryGetProperty("error", out var error), "the script failed: " + error + "\n" + text);
            Assert.AreEqual(0, process.ExitCode, "nvim's exit code\n" + text);
            Assert.AreEqual(0, result.GetProperty("serverExit").GetProperty("code").GetInt32(), "sigil-lsp's exit code after shutdown/exit\n" + text);
            return new NeovimRun(result.Clone(), text);
        }

        private static List<ReceivedLens> ReadLenses(JsonElement lenses) =>
            [.. lenses.EnumerateArray().Select(l => new ReceivedLens(
                l.GetProperty("line").GetInt32(),
                l.GetProperty("title").GetString() ?? "(no title)",
                l.GetProperty("command").GetString() ?? "(no command)"))];

        private static List<ShownLine> ReadShown(JsonElement shown) =>
            [.. shown.EnumerateArray().Select(s => new ShownLine(s.GetProperty("line").GetInt32(), s.GetProperty("text").GetString() ?? ""))];

        private static string? FindOnPath(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, name))
                .FirstOrDefault(File.Exists);

        private static async Task<string> Drained(Task<string> read)
        {
            try
            {
                return await read.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                return "(still open after the process ended)";
            }
        }

        private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];
    }
}
