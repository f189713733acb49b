using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.Annealing;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Tests.Strategies.Support;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Strategies.Support.StrategyFixtures;

namespace Sigil.Optimizers.Tests.Strategies;

// Fitness here is the deterministic CostModel (a stand-in for sandboxed timing); answers and candidates are real.
[TestClass]
public sealed class SimulatedAnnealingOptimizerTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    private static SimulatedAnnealingOptimizer At(double initial, double final) => new(OptimizerSettings.Default
        .With("initial-temperature", initial).With("final-temperature", final));

    [TestMethod]
    public async Task RunAsync_RuleArms_ImprovesOnBaselineAndBuildsOnTheCurrentProgram()
    {
        var optimizer = new SimulatedAnnealingOptimizer();
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 20), Ct);

        Assert.IsGreaterThan(8.0, context.Best.Fitness, "hoisting plus fewer iterations: " + string.Join("\n", context.Trace));
        Assert.IsTrue(context.Trials.Any(t => t.Request.Parent is not null), "later neighbours start from an accepted program");
        Assert.AreEqual(0, context.IterationsLeft);
        Assert.AreEqual(StopReason.IterationsUsed, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_SameSeed_SameSequenceAndOtherSeedDiffers()
    {
        using var first = await RunAsync(new SimulatedAnnealingOptimizer(), Kernel(KernelRules, iterations: 15, seed: 3), Ct);
        using var second = await RunAsync(new SimulatedAnnealingOptimizer(), Kernel(KernelRules, iterations: 15, seed: 3), Ct);
        using var other = await RunAsync(new SimulatedAnnealingOptimizer(), Kernel(KernelRules, iterations: 15, seed: 4), Ct);

        CollectionAssert.AreEqual(first.Trace.ToArray(), second.Trace.ToArray());
        CollectionAssert.AreNotEqual(first.Trace.ToArray(), other.Trace.ToArray());
    }

    [TestMethod]
    public async Task RunAsync_HighTemperature_SometimesMovesToAWorseProgram()
    {
        using var context = await RunAsync(At(50, 50), Kernel(Rules("numeric-literal"), iterations: 20), Ct);

        var worseMoves = WorseProposals(context).Count(w => w.Next?.ParentId == w.Worse.Id);
        Assert.IsGreaterThan(0, worseMoves, string.Join("\n", context.Trace));
    }

    [TestMethod]
    public async Task RunAsync_TemperatureNearZero_NeverMovesToAWorseProgram()
    {
        using var context = await RunAsync(At(1e-9, 1e-9), Kernel(Rules("numeric-literal"), iterations: 20), Ct);

        var worse = WorseProposals(context);
        Assert.IsNotEmpty(worse, "worse neighbours were proposed: " + string.Join("\n", context.Trace));
        Assert.IsFalse(worse.Any(w => w.Next?.ParentId == w.Worse.Id), "a worse neighbour was accepted at T≈0");
        Assert.IsTrue(context.Trials.Any(t => t.Request.Parent is not null), "better neighbours are still accepted");
    }

    [TestMethod]
    public async Task RunAsync_InfeasibleRejectedAndDuplicate_NeverBecomeTheCurrentProgram()
    {
        using var context = await RunAsync(At(50, 50), Kernel(Rules("numeric-literal", "list-capacity"), iterations: 30), Ct);

        var statuses = context.Trials.Select(t => t.Outcome.Status).ToHashSet();
        Assert.Contains(TrialStatus.Rejected, statuses);
        Assert.IsTrue(context.Trials.Any(t => t.Outcome.Program is { Feasible: false }), "infeasible neighbours were proposed");
        var parents = context.Trials.Where(t => t.Request.Parent is not null).Select(t => t.Request.Parent!).ToList();
        Assert.IsTrue(parents.All(p => p.Feasible), "only feasible programs become current");
    }

    [TestMethod]
    public async Task RunAsync_OnlyLlmArmAndBudgetSpent_StopsWithoutAskingAgain()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(HoistedKernelAnswer), Reply.Completion(HoistedKernelAnswer));
        var optimizer = new SimulatedAnnealingOptimizer();
        var setup = Kernel([Llm()], iterations: 10) with { Llm = Options(server), BudgetForLlmTrials = 1 };
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.HasCount(1, context.Trials);
        Assert.AreEqual(1, server.RequestCount);
        Assert.AreEqual(StopReason.BudgetExhausted, optimizer.LastStop?.Reason);
        Assert.AreEqual(9, context.IterationsLeft);
    }

    [TestMethod]
    public void Temperature_GeometricFromInitialToFinal()
    {
        var optimizer = At(0.4, 0.004);

        Assert.AreEqual(0.4, optimizer.Temperature(0, 11), 1e-12);
        Assert.AreEqual(0.04, optimizer.Temperature(5, 11), 1e-12);
        Assert.AreEqual(0.004, optimizer.Temperature(10, 11), 1e-12);
        Assert.AreEqual(0.004, optimizer.Temperature(15, 11), 1e-12, "past the plan it stays at the final temperature");
    }

    [TestMethod]
    public void Accepts_MetropolisRule_ByGainTemperatureAndDraw()
    {
        Assert.IsTrue(SimulatedAnnealingOptimizer.Accepts(0.0, 0, 0.99), "equal is accepted");
        Assert.IsTrue(SimulatedAnnealingOptimizer.Accepts(0.3, 1e-9, 0.99), "better is always accepted");
        Assert.IsTrue(SimulatedAnnealingOptimizer.Accepts(-0.1, 1, 0.9), "exp(-0.1) ≈ 0.905 > 0.9");
        Assert.IsFalse(SimulatedAnnealingOptimizer.Accepts(-0.1, 1, 0.91));
        Assert.IsFalse(SimulatedAnnealingOptimizer.Accepts(-1e-6, 1e-12, 0), "T≈0 refuses any worse move");
    }

    [TestMethod]
    public void Constructor_FinalAboveInitial_ThrowsSayingWhy()
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => At(0.1, 0.5));

        StringAssert.Contains(ex.Message, "final-temperature");
        StringAssert.Contains(ex.Message, "at most");
    }

    private static List<(SearchProgram Worse, TrialRecord? Next)> WorseProposals(TestSearchContext context) =>
    [
        .. context.Trials
            .Select((t, i) => (Trial: t, Next: i + 1 < context.Trials.Count ? context.Trials[i + 1] : null))
            .Where(x => x.Trial.Outcome is { Status: TrialStatus.Evaluated, Program.Feasible: true }
                && x.Trial.Outcome.Program!.Fitness < (x.Trial.Request.Parent ?? context.Baseline).Fitness)
            .Select(x => (x.Trial.Outcome.Program!, x.Next)),
    ];
}
