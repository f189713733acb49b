using Sigil.Runs.Tests.Support;
using Sigil.Workspace.Store;

namespace Sigil.Runs.Tests.EndToEnd;

/// <summary>Runs with no endpoint at all: MADS over numeric literals and the rule-based generator, on real tracked calls.</summary>
[TestClass]
public sealed class OfflineRunTests
{
    private static TrackedQuickStart s_app = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _) => s_app = TrackedQuickStart.Create(rounds: 20);

    [ClassCleanup]
    public static void Cleanup() => s_app.Dispose();

    [TestMethod]
    public async Task RunAsync_MadsOnRoot_FindsFasterCorrectLoopCountAndStoresTrials()
    {
        var progress = new List<RunProgress>();
        var request = s_app.Request("mads", iterations: 12) with { PinFilter = "Root", Rounds = 9, Seed = 7 };

        var result = await new RunService().RunAsync(request, new Progress<RunProgress>(progress.Add), CancellationToken.None);

        var pin = result.Pins.Single();
        Assert.IsTrue(pin.Trials > 0 && pin.Trials <= 12, $"trials {pin.Trials}");
        Assert.IsNotNull(pin.BestCandidate, pin.Verdict);
        Assert.IsGreaterThan(1.0, pin.BestFitness, $"speedup {pin.BestFitness}");
        using var store = LiteDbWorkspaceStore.Open(s_app.SigilDirectory);
        var trials = store.ListTrials(Sigil.Workspace.Model.RunId.Parse(pin.RunId));
        Assert.HasCount(pin.Trials, trials);
        Assert.IsNotEmpty(store.ListEvaluations(Sigil.Core.Identity.CandidateId.Parse(pin.BestCandidate)));
    }
}
