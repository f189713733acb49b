using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.BestOfN;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Tests.Strategies.Support;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Strategies.Support.StrategyFixtures;

namespace Sigil.Optimizers.Tests.Strategies;

// Fitness here is the deterministic CostModel (a stand-in for sandboxed timing); answers and candidates are real.
[TestClass]
public sealed class BestOfNOptimizerTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [TestMethod]
    public async Task RunAsync_RuleArms_ImprovesOnBaselineFromBaselineOnly()
    {
        var optimizer = new BestOfNOptimizer();
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 9), Ct);

        Assert.IsGreaterThan(1.5, context.Best.Fitness, string.Join("\n", context.Trace));
        Assert.HasCount(9, context.Trials);
        Assert.IsTrue(context.Trials.All(t => t.Request.Parent is null), "every proposal starts from the baseline");
        CollectionAssert.AreEqual(
            Enumerable.Range(0, 9).Select(i => KernelRules[i % 3].Key).ToArray(),
            context.Trials.Select(t => t.Request.Arm!.Key).ToArray(), "the arms are cycled in order");
        Assert.AreEqual(StopReason.Completed, optimizer.LastStop?.Reason);
        Assert.AreEqual(0, context.IterationsLeft);
    }

    [TestMethod]
    public async Task RunAsync_SameSeed_SameRequestsAndOutcomes()
    {
        using var first = await RunAsync(new BestOfNOptimizer(), Kernel(KernelRules, iterations: 12, seed: 5), Ct);
        using var second = await RunAsync(new BestOfNOptimizer(), Kernel(KernelRules, iterations: 12, seed: 5), Ct);
        using var other = await RunAsync(new BestOfNOptimizer(), Kernel(KernelRules, iterations: 12, seed: 6), Ct);

        CollectionAssert.AreEqual(first.Trace.ToArray(), second.Trace.ToArray());
        CollectionAssert.AreNotEqual(first.Trace.ToArray(), other.Trace.ToArray(), "another seed gives the generators other seeds");
    }

    [TestMethod]
    public async Task RunAsync_CountParameter_StopsAfterNWithIterationsLeft()
    {
        var optimizer = new BestOfNOptimizer(OptimizerSettings.Default.With("n", "4"));
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 20), Ct);

        Assert.HasCount(4, context.Trials);
        Assert.AreEqual(StopReason.Completed, optimizer.LastStop?.Reason);
        Assert.AreEqual(4, optimizer.LastStop?.Trials);
        Assert.AreEqual(16, context.IterationsLeft);
    }

    [TestMethod]
    public async Task RunAsync_FewerIterationsThanN_StopsAtZeroIterations()
    {
        var optimizer = new BestOfNOptimizer(OptimizerSettings.Default.With("n", "50"));
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 5), Ct);

        Assert.HasCount(5, context.Trials);
        Assert.AreEqual(0, context.IterationsLeft);
        Assert.AreEqual(StopReason.IterationsUsed, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_LlmAnswersGoodUnusableAndRepeated_RecordsEvaluatedRejectedAndDuplicate()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            Reply.Completion(HoistedKernelAnswer), Reply.Completion(NoEditAnswer), Reply.Completion(HoistedKernelAnswer));
        var setup = Kernel([Llm()], iterations: 3) with { Llm = Options(server) };
        using var context = await RunAsync(new BestOfNOptimizer(), setup, Ct);

        CollectionAssert.AreEqual(
            new[] { TrialStatus.Evaluated, TrialStatus.Rejected, TrialStatus.Duplicate },
            context.Trials.Select(t => t.Outcome.Status).ToArray(), string.Join("\n", context.Trace));
        Assert.AreEqual("no-edit-found", context.Trials[1].Outcome.FailureKind);
        Assert.AreEqual(context.Trials[0].Outcome.Program!.Id, context.Trials[2].Outcome.Program!.Id, "the duplicate names the first program");
        Assert.IsGreaterThan(5.0, context.Best.Fitness, "hoisting Math.Sqrt out of 1000 iterations pays");
        Assert.AreEqual(3, server.RequestCount);
    }

    [TestMethod]
    public async Task RunAsync_BudgetSpentMidRun_StopsAskingTheLlmButKeepsFreeArms()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(HoistedKernelAnswer), Reply.Completion(NoEditAnswer));
        var setup = Kernel([Llm(), .. Rules("numeric-literal")], iterations: 8) with { Llm = Options(server), BudgetForLlmTrials = 1 };
        var optimizer = new BestOfNOptimizer();
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.AreEqual(1, server.RequestCount, "the LLM is asked once, before the budget is spent");
        Assert.IsFalse(context.Trials.Any(t => t.BudgetExhaustedBefore && t.Request.Arm?.Generator == "llm"), "no LLM arm is asked on a spent budget");
        Assert.IsTrue(context.Trials.Skip(1).All(t => t.Request.Arm?.Generator == "rules"));
        Assert.AreEqual(0, context.IterationsLeft, "free arms go on to the end");
    }

    [TestMethod]
    public async Task RunAsync_RealUsdCapWithOnlyLlmArms_StopsAfterTheRefusedRequest()
    {
        var replies = Enumerable.Range(0, 20).Select(_ => Reply.Completion(HoistedKernelAnswer)).ToArray();
        await using var server = await ScriptedChatServer.StartAsync(replies);
        var prices = new PriceTable([new("test-model", new ModelPrice(10_000m, 10_000m))]);
        var setup = Kernel([Llm(), Llm("micro")], iterations: 20) with
        {
            Llm = Options(server) with { Prices = prices },
            Limits = new SpendLimits(MaxUsd: 25m),
        };
        var optimizer = new BestOfNOptimizer();
        using var context = await RunAsync(optimizer, setup, Ct);

        var last = context.Trials[^1];
        Assert.AreEqual(TrialStatus.OutOfBudget, last.Outcome.Status, string.Join("\n", context.Trace));
        Assert.AreEqual(1, context.Trials.Count(t => t.Outcome.Status == TrialStatus.OutOfBudget), "one refusal is enough to stop asking");
        Assert.AreEqual(context.Trials.Count - 1, server.RequestCount);
        Assert.IsTrue(context.Trials.Take(context.Trials.Count - 1).All(t => t.Outcome.CostUsd > 0), "priced trials report their USD");
        Assert.AreEqual(StopReason.BudgetExhausted, optimizer.LastStop?.Reason);
        Assert.IsGreaterThan(0, context.IterationsLeft);
    }

    [TestMethod]
    public async Task RunAsync_OnlyRejectedProposals_StopsAtTheStaleLimit()
    {
        var optimizer = new BestOfNOptimizer(OptimizerSettings.Default.With("stale-limit", "5"));
        using var context = await RunAsync(optimizer, Kernel(Rules("list-capacity"), iterations: 50), Ct);

        Assert.HasCount(5, context.Trials);
        Assert.IsTrue(context.Trials.All(t => t.Outcome is { Status: TrialStatus.Rejected, FailureKind: "not-applicable" }));
        Assert.AreEqual(StopReason.Stalled, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var context = new TestSearchContext(Kernel(KernelRules));

        await Assert.ThrowsAsync<OperationCanceledException>(() => new BestOfNOptimizer().RunAsync(context, cancelled.Token));
        Assert.IsEmpty(context.Trials);
    }
}
