using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Budget;
using Sigil.Optimizers.Generators.Llm;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Llm.LlmTestData;

namespace Sigil.Optimizers.Tests.Generators.Llm;

[TestClass]
public sealed class LlmGeneratorBudgetTests
{
    private static readonly PriceTable Prices = new([new("test-model", new ModelPrice(2m, 8m))]);

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    [TestMethod]
    public async Task ProposeAsync_SeveralProposals_AccumulateTokensAndCost()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            Reply.Completion(FewerIterationsAnswer, 1000, 200), Reply.Status(500), Reply.Completion(FewerIterationsAnswer, 3000, 400));
        var spend = new SpendTracker(new SpendLimits(MaxTokens: 1_000_000, MaxUsd: 10m));
        using var generator = new LlmGenerator(Options(server) with { Prices = Prices }, spend);

        var first = await generator.ProposeAsync(RootRequest(seed: 1), Ct);
        var second = await generator.ProposeAsync(RootRequest(seed: 2), Ct);

        Assert.AreEqual(new GenerationUsage(1000, 200, 0.0036m, CostKnown: true), first.Usage);
        Assert.AreEqual(new GenerationUsage(3000, 400, 0.0092m, CostKnown: true), second.Usage);
        Assert.AreEqual(2, second.Attempts);
        Assert.AreEqual(new SpendSnapshot(4600, 0.0128m, 0, 0m, 2, 0, 0), spend.Snapshot());
    }

    [TestMethod]
    public async Task ProposeAsync_UnknownModelPrice_CostsZeroAndSaysSo()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer, 10, 5, "mystery-model"));
        var spend = new SpendTracker();
        using var generator = new LlmGenerator(Options(server) with { Model = "mystery-model", Prices = Prices }, spend);

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(new GenerationUsage(10, 5, 0m, CostKnown: false), result.Usage);
        Assert.AreEqual(1, spend.Snapshot().UnknownCostRequests);
    }

    [TestMethod]
    public async Task ProposeAsync_TokenCapTooSmallForOneRequest_IsRefusedBeforeSending()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        var spend = new SpendTracker(new SpendLimits(MaxTokens: 500));
        using var generator = new LlmGenerator(Options(server), spend);

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.BudgetExhausted, result.Failure?.Kind);
        StringAssert.Contains(result.Failure!.Message, "token budget is 500");
        Assert.AreEqual(0, result.Attempts);
        Assert.AreEqual(0, server.RequestCount, "the server saw nothing");
        Assert.IsNotNull(result.PromptDigest);
        Assert.AreEqual(1, spend.Snapshot().Refused);
    }

    [TestMethod]
    public async Task ProposeAsync_TokenCapReachedBySpending_RefusesTheNextRequest()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer, 100, 50), Reply.Completion(FewerIterationsAnswer));
        var options = Options(server);
        using var probe = new LlmGenerator(options);
        var needed = TokenEstimator.Estimate(probe.BuildPrompt(RootRequest())) + options.MaxOutputTokens;
        var spend = new SpendTracker(new SpendLimits(MaxTokens: needed + 100));
        using var generator = new LlmGenerator(options, spend);

        var first = await generator.ProposeAsync(RootRequest(), Ct);
        var second = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.IsTrue(first.Succeeded, first.Failure?.ToString());
        Assert.AreEqual(GenerationFailureKind.BudgetExhausted, second.Failure?.Kind);
        Assert.AreEqual(1, server.RequestCount);
        Assert.AreEqual(150, spend.Snapshot().Tokens);
    }

    [TestMethod]
    public async Task ProposeAsync_UsdCap_IsRefusedBeforeSending()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(FewerIterationsAnswer));
        var spend = new SpendTracker(new SpendLimits(MaxUsd: 0.001m));
        using var generator = new LlmGenerator(Options(server) with { Prices = Prices }, spend);

        var result = await generator.ProposeAsync(RootRequest(), Ct);

        Assert.AreEqual(GenerationFailureKind.BudgetExhausted, result.Failure?.Kind);
        StringAssert.Contains(result.Failure!.Message, "budget is $0.001");
        Assert.AreEqual(0, server.RequestCount);
    }

    [TestMethod]
    public async Task ProposeAsync_ConcurrentRequests_NeverOvershootTheCap()
    {
        var slow = Reply.Delayed(TimeSpan.FromMilliseconds(300), Reply.Completion(FewerIterationsAnswer, 100, 50));
        await using var server = await ScriptedChatServer.StartAsync(slow, slow, slow, slow, slow, slow);
        var options = Options(server);
        using var probe = new LlmGenerator(options);
        var needed = TokenEstimator.Estimate(probe.BuildPrompt(RootRequest())) + options.MaxOutputTokens;
        var spend = new SpendTracker(new SpendLimits(MaxTokens: 2 * needed + needed / 2));
        using var generator = new LlmGenerator(options, spend);

        // Each call reserves before its first await, so all six ask while the first two are still in flight.
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => generator.ProposeAsync(RootRequest(), Ct)).ToList());

        Assert.AreEqual(2, results.Count(r => r.Succeeded), "two reservations fit under the cap at once");
        Assert.AreEqual(4, results.Count(r => r.Failure?.Kind == GenerationFailureKind.BudgetExhausted));
        Assert.AreEqual(2, server.RequestCount);
        Assert.AreEqual(new SpendSnapshot(300, 0m, 0, 0m, 2, 4, 2), spend.Snapshot());
    }
}
