using System.Text.Json;
using Sigil.LanguageServer.Tests.Support;

namespace Sigil.LanguageServer.Tests.Handlers.Lenses;

/// <summary>Lenses over the [Improve] methods of open documents, following edits.</summary>
[TestClass]
public sealed class CodeLensTests
{
    [TestMethod]
    public async Task Lenses_QuickStartKernels_ThreePerPinAboveEachPin()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);

        var lenses = await client.LensesAsync(QuickStartProject.KernelsUri);

        var lines = QuickStartProject.KernelsText.Split('\n');
        var pinLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimStart().StartsWith("[Improve(", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, pinLines);
        Assert.HasCount(6, lenses);
        CollectionAssert.AreEqual(new[] { pinLines[0], pinLines[0], pinLines[0], pinLines[1], pinLines[1], pinLines[1] }, lenses.Select(l => l.Line).ToArray());
        CollectionAssert.AreEqual(new[] { "Improve this method", "No candidates yet", "Tracker: off" }, lenses.Take(3).Select(l => l.Title).ToArray());
        CollectionAssert.AreEqual(new[] { "sigil.improve", "sigil.candidates.show", "sigil.tracker.toggle" }, lenses.Take(3).Select(l => l.Command).ToArray());
        var argument = lenses[0].Arguments[0];
        Assert.AreEqual("Kernels.Root(double)", argument.GetProperty("pin").GetString());
        Assert.AreEqual("quickstart", argument.GetProperty("spec").GetString());
        Assert.AreEqual("v1", argument.GetProperty("workspace").GetString());
        Assert.AreEqual("Kernels.SumOfSquares(int[])", lenses[3].Arguments[0].GetProperty("pin").GetString());
    }

    [TestMethod]
    public async Task Lenses_AfterEdit_FollowTheNewText()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        var uri = new Uri(Path.Combine(project.Path, "Edited.cs")).AbsoluteUri;
        const string one = """
            namespace Demo;
            public static class Math2
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static int Twice(int x) => x * 2;
                public static double Score(int x, int result) => result;
            }
            """;
        await client.OpenAsync(uri, one);
        var before = await client.LensesAsync(uri);

        var two = one.Replace("namespace Demo;", "namespace Demo;\n\n// moved down two lines\n", StringComparison.Ordinal)
            .Replace("    public static double Score", "    [Improve(\"quickstart\", Eval = nameof(Score))]\n    public static long Thrice(long x) => x * 3;\n    public static double Score", StringComparison.Ordinal);
        await client.ChangeAsync(uri, two, 2);
        var after = await client.LensesAsync(uri);
        await client.ChangeAsync(uri, "namespace Demo; public static class Empty { }", 3);
        var emptied = await client.LensesAsync(uri);

        Assert.HasCount(3, before);
        Assert.AreEqual(3, before[0].Line);
        Assert.HasCount(6, after);
        Assert.AreEqual(6, after[0].Line, "the first pin moved down with the three inserted lines");
        Assert.AreEqual("Math2.Thrice(long)", after[3].Arguments[0].GetProperty("pin").GetString());
        Assert.IsEmpty(emptied);
    }

    [TestMethod]
    [DataRow("csharp", 6)]
    [DataRow("cs", 6)]
    [DataRow("plaintext", 0)]
    public async Task Lenses_UnsavedBufferWithoutCsExtension_ByLanguageId(string languageId, int expected)
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        const string uri = "untitled:Untitled-1";
        await client.OpenAsync(uri, QuickStartProject.KernelsText, languageId);

        var lenses = await client.LensesAsync(uri);

        Assert.HasCount(expected, lenses, "VS Code says csharp, Neovim says cs");
    }

    [TestMethod]
    public async Task Lenses_OlderVersionAfterNewer_Ignored()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText, version: 5);

        await client.ChangeAsync(QuickStartProject.KernelsUri, "class Nothing { }", 4);
        var lenses = await client.LensesAsync(QuickStartProject.KernelsUri);

        Assert.HasCount(6, lenses);
    }

    [TestMethod]
    public async Task Lenses_ClosedOrNeverOpened_None()
    {
        using var project = QuickStartProject.Create();
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = QuickStartProject.KernelsUri } });

        var closed = await client.LensesAsync(QuickStartProject.KernelsUri);
        var never = await client.LensesAsync("file:///nowhere/Other.cs");

        Assert.IsEmpty(closed);
        Assert.IsEmpty(never);
    }

    [TestMethod]
    public async Task Lenses_WithoutProject_OnlyImprove()
    {
        using var folder = new TempFolder();
        var (client, _) = await LspClient.StartInitializedAsync(folder.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);

        var lenses = await client.LensesAsync(QuickStartProject.KernelsUri);

        CollectionAssert.AreEqual(new[] { "Improve this method", "Improve this method" }, lenses.Select(l => l.Title).ToArray());
    }

    [TestMethod]
    public async Task Lenses_AfterRun_CountCandidatesAndBestSpeedup()
    {
        var run = await SharedRun.GetAsync();

        var sumBefore = run.LensesBefore.Where(l => l.Command == "sigil.candidates.show").Select(l => l.Title).ToList();
        var sumAfter = run.LensesAfter.Where(l => l.Command == "sigil.candidates.show").Select(l => l.Title).ToList();

        CollectionAssert.AreEqual(new[] { "No candidates yet", "No candidates yet" }, sumBefore);
        Assert.AreEqual("No candidates yet", sumAfter[0], "Root was not part of the run");
        StringAssert.Matches(sumAfter[1], new System.Text.RegularExpressions.Regex(@"^\d+ candidates? · best \d+(\.\d+)?× vs baseline$"));
    }

    [TestMethod]
    public async Task Refresh_RunStoresCandidates_SentToAClientThatSupportsIt()
    {
        var run = await SharedRun.GetAsync();

        var refreshes = run.Client.Events.Where(e => e.Method == "workspace/codeLens/refresh").ToList();
        var finished = run.Client.Events.First(e => e.Method == "sigil/run/finished");

        Assert.IsNotEmpty(refreshes);
        Assert.IsTrue(refreshes.Any(r => r.At <= finished.At), "a refresh comes before the run's end is announced");
    }
}
