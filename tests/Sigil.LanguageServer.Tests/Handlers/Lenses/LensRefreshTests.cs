using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.LanguageServer.Lenses;
using Sigil.LanguageServer.Tests.Support;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Tests.Handlers.Lenses;

/// <summary>
/// workspace/codeLens/refresh for changes made by other processes, and only for those: the server's own reads of the
/// store (each opens the LiteDB file, which touches <c>.sigil/</c>) must not make it refresh, or an editor that asks
/// for lenses again after each refresh keeps it re-reading the store forever.
/// </summary>
[TestClass]
public sealed class LensRefreshTests
{
    private const string Pin = "Kernels.SumOfSquares(int[])";

    [TestMethod]
    public async Task Refresh_ServerReadsItsOwnStore_NoneSent()
    {
        using var project = QuickStartProject.Create();
        StoreCandidate(project, 1);
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);

        // As an editor does: lenses now, then again and again (as it would after every refresh), for 3 s: six times the
        // quiet period after which the watcher refreshes.
        var titles = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            titles.Add((await client.LensesAsync(QuickStartProject.KernelsUri)).Single(l => l.Command == "sigil.candidates.show" && l.Arguments[0].GetProperty("pin").GetString() == Pin).Title);
            await Task.Delay(300);
        }

        StringAssert.StartsWith(titles[0], "1 candidate · best 1.5× vs baseline");
        Assert.IsEmpty(client.Received("workspace/codeLens/refresh"), "the store did not change: its own reads must not refresh the lenses");
    }

    [TestMethod]
    public async Task Refresh_AnotherProcessStoresACandidate_SentAndLensesCountIt()
    {
        using var project = QuickStartProject.Create();
        StoreCandidate(project, 1);
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);
        var before = await client.LensesAsync(QuickStartProject.KernelsUri);

        StoreCandidate(project, 2);
        await client.WaitForEventAsync("workspace/codeLens/refresh", timeout: TimeSpan.FromSeconds(10));
        var after = await client.LensesAsync(QuickStartProject.KernelsUri);
        await Task.Delay(2000);

        Assert.AreEqual("1 candidate · best 1.5× vs baseline", Title(before));
        Assert.AreEqual("2 candidates · best 2× vs baseline", Title(after));
        Assert.HasCount(1, client.Received("workspace/codeLens/refresh"), "one change, one refresh (the server's read after it changes nothing)");
    }

    [TestMethod]
    public void Parse_SameTextTwice_OneTree()
    {
        var text = QuickStartProject.KernelsText;
        var copy = new string(text.AsSpan());

        var first = PinScanner.Parse(text);
        var again = PinScanner.Parse(text);
        var pins = PinScanner.Scan(first);

        Assert.AreSame(first, again, "didChange's diagnostics and the codeLens after it share one parse of the same text");
        Assert.AreSame(pins, PinScanner.Scan(again));
        Assert.AreNotSame(first, PinScanner.Parse(copy));
        Assert.HasCount(2, pins);
    }

    private static string Title(IReadOnlyList<Lens> lenses) =>
        lenses.Single(l => l.Command == "sigil.candidates.show" && l.Arguments[0].GetProperty("pin").GetString() == Pin).Title;

    /// <summary>Stores a correct candidate of SumOfSquares (speedup 1 + n/2) as a run in another process would.</summary>
    private static void StoreCandidate(QuickStartProject project, int n)
    {
        using var store = LiteDbWorkspaceStore.Open(project.SigilDirectory);
        var function = FunctionId.Create("QuickStart", FunctionId.NoCommit, "QuickStart", Pin, Blake3Digest.Hex("abi:" + Pin));
        var candidate = CandidateRecord.Create(function, "quickstart", "v1", null,
            $"--- a/Kernels.cs\n+++ b/Kernels.cs\n@@ -1 +1 @@\n-    return 0;\n+    return {n};\n", $"{{\"candidate\":{n}}}",
            new Provenance { GeneratorKind = "heuristic", Optimizer = "best-of-n" }, DateTimeOffset.UtcNow, $"candidate {n}");
        store.InsertCandidate(candidate);
        store.InsertEvaluation(EvaluationRecord.Create(candidate.Id, "QuickStart.Kernels.SumIsExact", "1", "b3:" + Blake3Digest.Hex("samples"),
            new Dictionary<string, double> { ["speedup"] = 1 + n / 2.0 }, true, null, DateTimeOffset.UtcNow));
    }
}
