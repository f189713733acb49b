using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.Bandit;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Tests.Strategies.Support;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Strategies.Support.StrategyFixtures;

namespace Sigil.Optimizers.Tests.Strategies;

// Fitness here is the deterministic CostModel (a stand-in for sandboxed timing); answers and candidates are real.
[TestClass]
public sealed class BanditOptimizerTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [TestMethod]
    public async Task RunAsync_RuleArms_ImprovesOnBaselineFromTheCurrentBest()
    {
        var optimizer = new BanditOptimizer();
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 20), Ct);

        Assert.IsGreaterThan(8.0, context.Best.Fitness, string.Join("\n", context.Trace));
        var bestSoFar = context.Baseline;
        foreach (var trial in context.Trials)
        {
            Assert.AreEqual(bestSoFar.Id, trial.ParentId, $"trial {trial.Index} starts from the best so far");
            if (trial.Outcome is { IsFeasibleProgram: true } && trial.Outcome.Program!.Fitness > bestSoFar.Fitness)
            {
                bestSoFar = trial.Outcome.Program;
            }
        }
        Assert.AreEqual(20, optimizer.LastStatistics.Sum(s => s.Pulls));
        Assert.AreEqual(StopReason.IterationsUsed, optimizer.LastStop?.Reason);
        Assert.AreEqual(0, context.IterationsLeft);
    }

    [TestMethod]
    public async Task RunAsync_OnlyLlmArmsAndBudgetSpent_Stops()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(HoistedKernelAnswer), Reply.Completion(NoEditAnswer));
        var optimizer = new BanditOptimizer();
        var setup = Kernel([Llm(), Llm("micro")], iterations: 10) with { Llm = Options(server), BudgetForLlmTrials = 2 };
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.HasCount(2, context.Trials);
        CollectionAssert.AreEquivalent(new[] { "optimize", "micro" }, context.Trials.Select(t => t.Request.Arm!.Operator).ToArray(), "each arm is tried once first");
        Assert.AreEqual(StopReason.BudgetExhausted, optimizer.LastStop?.Reason);
        Assert.AreEqual(8, context.IterationsLeft);
    }

    [TestMethod]
    [DataRow("ucb1")]
    [DataRow("thompson")]
    public async Task RunAsync_OneArmKeepsImproving_ItIsChosenMost(string policy)
    {
        var optimizer = new BanditOptimizer(OptimizerSettings.Default.With("policy", policy).With("stale-limit", "0"));
        using var context = await RunAsync(optimizer, Kernel(Rules("list-capacity", "numeric-literal", "list-to-array"), iterations: 40), Ct);

        var pulls = context.Trials.GroupBy(t => t.Request.Arm!.Operator!).ToDictionary(g => g.Key, g => g.Count());
        var shown = string.Join(", ", pulls.Select(p => $"{p.Key}={p.Value}"));
        Assert.IsGreaterThan(pulls.GetValueOrDefault("list-capacity"), pulls["numeric-literal"], shown);
        Assert.IsGreaterThan(pulls.GetValueOrDefault("list-to-array"), pulls["numeric-literal"], shown);
        var statistics = optimizer.LastStatistics.Single(s => s.Arm.Operator == "numeric-literal");
        Assert.IsGreaterThan(0.0, statistics.RewardSum);
        Assert.IsTrue(optimizer.LastStatistics.Where(s => s.Arm.Operator != "numeric-literal").All(s => s.RewardSum == 0), "rejected trials earn nothing");
    }

    [TestMethod]
    [DataRow("ucb1")]
    [DataRow("thompson")]
    public async Task RunAsync_SameSeed_SameSequenceAndOtherSeedDiffers(string policy)
    {
        var settings = OptimizerSettings.Default.With("policy", policy);
        using var first = await RunAsync(new BanditOptimizer(settings), Kernel(KernelRules, iterations: 15, seed: 8), Ct);
        using var second = await RunAsync(new BanditOptimizer(settings), Kernel(KernelRules, iterations: 15, seed: 8), Ct);
        using var other = await RunAsync(new BanditOptimizer(settings), Kernel(KernelRules, iterations: 15, seed: 9), Ct);

        CollectionAssert.AreEqual(first.Trace.ToArray(), second.Trace.ToArray());
        CollectionAssert.AreNotEqual(first.Trace.ToArray(), other.Trace.ToArray());
    }

    [TestMethod]
    public async Task RunAsync_BudgetSpent_PullsOnlyFreeArmsAfterwards()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(HoistedKernelAnswer), Reply.Completion(NoEditAnswer));
        var setup = Kernel([Llm(), .. Rules("numeric-literal")], iterations: 10) with { Llm = Options(server), BudgetForLlmTrials = 1 };
        using var context = await RunAsync(new BanditOptimizer(), setup, Ct);

        Assert.AreEqual(1, server.RequestCount);
        Assert.AreEqual(1, context.Trials.Count(t => t.Request.Arm?.Generator == "llm"));
        Assert.IsFalse(context.Trials.Any(t => t.BudgetExhaustedBefore && t.Request.Arm?.Generator == "llm"));
        Assert.AreEqual(0, context.IterationsLeft);
    }

    [TestMethod]
    public async Task RunAsync_NothingApplies_StopsAtTheStaleLimit()
    {
        var optimizer = new BanditOptimizer(OptimizerSettings.Default.With("stale-limit", "6"));
        using var context = await RunAsync(optimizer, Kernel(Rules("list-capacity", "list-to-array"), iterations: 40), Ct);

        Assert.HasCount(6, context.Trials);
        Assert.AreEqual(StopReason.Stalled, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public void Reward_ByOutcome_GainPerUnitOfCost()
    {
        var optimizer = new BanditOptimizer(OptimizerSettings.Default.With("trial-cost-usd", "0.5"));
        var parent = Program("p", 2.0, feasible: true);
        var arm = Rules("numeric-literal")[0];

        var better = new TrialOutcome(TrialStatus.Evaluated, Program("b", 4.0, feasible: true), null, null, arm, 0, 0);
        var paid = better with { CostUsd = 0.25 };
        var worse = better with { Program = Program("w", 1.0, feasible: true) };
        var wrong = better with { Program = Program("x", 9.0, feasible: false), FailureKind = "wrong-result" };
        var duplicate = better with { Status = TrialStatus.Duplicate };
        var rejected = new TrialOutcome(TrialStatus.Rejected, null, "compile-error", "CS0103", arm, 0, 0);

        Assert.AreEqual(Math.Log(2) / 0.5, optimizer.Reward(parent, better), 1e-12, "log-gain per unit cost");
        Assert.AreEqual(Math.Log(2) / 0.25, optimizer.Reward(parent, paid), 1e-12, "the USD cost when there is one");
        Assert.AreEqual(0, optimizer.Reward(parent, worse));
        Assert.AreEqual(0, optimizer.Reward(parent, wrong));
        Assert.AreEqual(0, optimizer.Reward(parent, duplicate));
        Assert.AreEqual(0, optimizer.Reward(parent, rejected));
    }

    private static SearchProgram Program(string id, double fitness, bool feasible) =>
        new(id, SearchProgram.BaselineId, "void M() { }", fitness, feasible, new Dictionary<string, double>(), 1);
}
