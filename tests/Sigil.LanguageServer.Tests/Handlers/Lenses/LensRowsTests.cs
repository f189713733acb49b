using Sigil.Core.Hashing;
using Sigil.Core.Identity;
using Sigil.LanguageServer.Tests.Support;
using Sigil.Workspace.Model;
using Sigil.Workspace.Store;

namespace Sigil.LanguageServer.Tests.Handlers.Lenses;

/// <summary>
/// The candidates lens of each pin counts that pin's candidates in its spec only, now that a document's lenses read the
/// rows of its own pins rather than the whole store's (and other documents' pins are read when they are shown).
/// </summary>
[TestClass]
public sealed class LensRowsTests
{
    [TestMethod]
    public async Task Lenses_StoreWithSeveralPinsAndSpecs_EachPinCountsItsOwn()
    {
        using var project = QuickStartProject.Create();
        Store(project, "quickstart", "Kernels.Root(double)", 1, 3.0);
        Store(project, "quickstart", "Kernels.SumOfSquares(int[])", 1, 1.5);
        Store(project, "quickstart", "Kernels.SumOfSquares(int[])", 2, 2.25);
        Store(project, "other", "Kernels.SumOfSquares(int[])", 3, 9.0);
        Store(project, "quickstart", "Elsewhere.Root(double)", 4, 7.0);
        var (client, _) = await LspClient.StartInitializedAsync(project.Path);
        await using var connection = client;
        var other = new Uri(Path.Combine(project.Path, "Other.cs")).AbsoluteUri;
        await client.OpenAsync(other, """
            public static class Elsewhere
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static double Root(double x) => x;
                public static double Score(double x, double root) => root;
            }
            """);
        var elsewhere = await client.LensesAsync(other);
        await client.OpenAsync(QuickStartProject.KernelsUri, QuickStartProject.KernelsText);

        var kernels = await client.LensesAsync(QuickStartProject.KernelsUri);

        CollectionAssert.AreEqual(new[] { "1 candidate · best 7× vs baseline" }, Titles(elsewhere));
        CollectionAssert.AreEqual(new[] { "1 candidate · best 3× vs baseline", "2 candidates · best 2.25× vs baseline" }, Titles(kernels),
            "Root does not count Elsewhere.Root's; SumOfSquares does not count the other spec's");
    }

    private static string[] Titles(IReadOnlyList<Lens> lenses) => [.. lenses.Where(l => l.Command == "sigil.candidates.show").Select(l => l.Title)];

    private static void Store(QuickStartProject project, string spec, string pin, int n, double speedup)
    {
        using var store = LiteDbWorkspaceStore.Open(project.SigilDirectory);
        var function = FunctionId.Create("QuickStart", FunctionId.NoCommit, "QuickStart", pin, Blake3Digest.Hex("abi:" + pin));
        var candidate = CandidateRecord.Create(function, spec, "v1", null,
            $"--- a/Kernels.cs\n+++ b/Kernels.cs\n@@ -1 +1 @@\n-    return 0; // {pin}\n+    return {n};\n", $"{{\"candidate\":{n}}}",
            new Provenance { GeneratorKind = "heuristic", Optimizer = "best-of-n" }, DateTimeOffset.UtcNow, $"candidate {n}");
        store.InsertCandidate(candidate);
        store.InsertEvaluation(EvaluationRecord.Create(candidate.Id, "eval", "1", "b3:" + Blake3Digest.Hex("samples"),
            new Dictionary<string, double> { ["speedup"] = speedup }, true, null, DateTimeOffset.UtcNow));
    }
}
