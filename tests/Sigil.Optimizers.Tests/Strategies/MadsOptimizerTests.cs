using Sigil.Testing.ChatServer;
using Sigil.Candidates.Parsing;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Strategies.Mads;
using Sigil.Optimizers.Tests.Strategies.Support;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Strategies.Support.StrategyFixtures;

namespace Sigil.Optimizers.Tests.Strategies;

// Fitness here is the deterministic CostModel (a stand-in for sandboxed timing): QuickStart's Root gets faster with
// fewer Newton steps and gives wrong results below 25. MADS writes its answers itself: no endpoint is involved.
[TestClass]
public sealed class MadsOptimizerTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    private static MadsOptimizer With(params (string Name, string Value)[] values) =>
        new(values.Aggregate(OptimizerSettings.Default, (s, v) => s.With(v.Name, v.Value)));

    [TestMethod]
    public async Task RunAsync_QuickStartRoot_ConvergesToTheSmallestFeasibleLoopCount()
    {
        var optimizer = new MadsOptimizer();
        using var context = await RunAsync(optimizer, Root(iterations: 200), Ct);

        Assert.AreEqual(25, LoopBound(context.Best.MethodSource), string.Join("\n", context.Trace));
        Assert.AreEqual(StopReason.Converged, optimizer.LastStop?.Reason, optimizer.LastStop?.Message);
        Assert.IsGreaterThan(0, context.IterationsLeft, "it stops by itself");
        Assert.IsTrue(context.Trials.All(t => t.Request is { Arm: null, Answer: not null }), "every answer is MADS's own");
        Assert.IsTrue(context.Trials.All(t => t.Outcome.Status == TrialStatus.Evaluated), "no point is tried twice, every answer builds");
    }

    [TestMethod]
    public async Task RunAsync_EveryAnswer_IsOneFencedWholeMethodTheParserAccepts()
    {
        using var context = await RunAsync(With(("literals", "loops")), Root(), Ct);

        foreach (var trial in context.Trials)
        {
            var parsed = EditParser.Parse(trial.Request.Answer);
            Assert.IsInstanceOfType<MethodReplacementEdit>(parsed, trial.Request.Answer);
            StringAssert.StartsWith(((MethodReplacementEdit)parsed).MethodSource, "public static double Root(double x)");
            StringAssert.Contains(trial.Outcome.Program!.MethodSource, "[Improve(\"quickstart\"", "the pin's attribute is kept by the splice");
        }
    }

    [TestMethod]
    public async Task RunAsync_LoopLiteralsOnly_ConvergesInFewerTrials()
    {
        var loops = With(("literals", "loops"));
        using var focused = await RunAsync(loops, Root(), Ct);
        using var all = await RunAsync(new MadsOptimizer(), Root(), Ct);

        Assert.AreEqual(25, LoopBound(focused.Best.MethodSource));
        Assert.AreEqual(StopReason.Converged, loops.LastStop?.Reason);
        Assert.IsLessThan(all.Trials.Count, focused.Trials.Count);
    }

    [TestMethod]
    public async Task RunAsync_FailedPoll_RefinesTheMeshAndSuccessCoarsensIt()
    {
        using var context = await RunAsync(With(("literals", "loops")), Root(), Ct);

        double Bound(int trial) => LoopBound(context.Trials[trial].Outcome.Program!.MethodSource);
        CollectionAssert.AreEquivalent(new[] { 20.0, 60.0 }, new[] { Bound(0), Bound(1) }, "the first poll is 40 ± 0.5·40");
        Assert.IsTrue(context.Trials.Take(2).All(t => !t.Outcome.IsFeasibleProgram || t.Outcome.Program!.Fitness < 1), "and fails");
        CollectionAssert.AreEquivalent(new[] { 30.0, 50.0 }, new[] { Bound(2), Bound(3) }, "so the next poll is 40 ± 0.25·40");
        StringAssert.Contains(context.Trials[2].Request.Label, "step=0.25");
        var firstSuccess = context.Trials.First(t => t.Outcome.IsFeasibleProgram && t.Outcome.Program!.Fitness > 1);
        StringAssert.Contains(context.Trials[firstSuccess.Index].Request.Label, "step=0.5", "success doubles the poll size");
    }

    [TestMethod]
    public async Task RunAsync_InfeasiblePoints_AreAnExtremeBarrier()
    {
        using var context = await RunAsync(new MadsOptimizer(), Root(), Ct);

        Assert.IsTrue(context.Trials.Any(t => t.Outcome.Program is { Feasible: false } p && p.Fitness > context.Best.Fitness),
            "some wrong results looked faster");
        Assert.IsTrue(context.Trials.All(t => t.Request.Parent is null or { Feasible: true }), "yet MADS never moved to one");
    }

    [TestMethod]
    public async Task RunAsync_RejectedPoint_IsABarrierAndTheSearchGoesAround()
    {
        using var inner = new TestSearchContext(Root());
        var context = new RewritingContext(inner, (_, outcome) => outcome.Program is { } p && LoopBound(p.MethodSource) == 30
            ? new TrialOutcome(TrialStatus.Rejected, null, "compile-error", "CS0000: pretend 30 does not compile", null, 0, 0)
            : outcome);
        var optimizer = With(("literals", "loops"));

        await optimizer.RunAsync(context, Ct);

        Assert.IsTrue(inner.Trials.Any(t => t.Outcome.Program is { } p && LoopBound(p.MethodSource) == 30), "30 was tried");
        Assert.IsFalse(inner.Trials.Any(t => t.Request.Parent is { } p && LoopBound(p.MethodSource) == 30), "but never built upon");
        Assert.AreEqual(25, LoopBound(inner.Best.MethodSource), string.Join("\n", inner.Trace));
        Assert.AreEqual(StopReason.Converged, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_FloatLiteral_ConvergesNearTheOptimumWithinMinStep()
    {
        var file = Samples.Class("public static double Damp(double x) => x * 0.8;");
        var setup = new SearchSetup
        {
            FileText = file,
            MethodName = "Damp",
            Arms = Rules("numeric-literal"),
            Iterations = 200,
            Fitness = new LiteralObjective(v => v[0] < 0.2 ? null : 1 / (0.01 + Math.Abs(v[0] - 0.3))),
        };
        var optimizer = With(("min-step", "0.001"));
        using var context = await RunAsync(optimizer, setup, Ct);

        var best = Sigil.Optimizers.Generators.Rules.NumericLiterals.Find(context.Best.MethodSource).Single().Value;
        Assert.AreEqual(0.3, best, 0.8 * 0.002, string.Join("\n", context.Trace));
        Assert.AreEqual(StopReason.Converged, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_NoNumericLiteral_StopsAtOnceWithNothingTried()
    {
        var optimizer = new MadsOptimizer();
        var setup = new SearchSetup { FileText = NoLiteralsFile, MethodName = "Greet", Arms = Rules("numeric-literal") };
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.IsEmpty(context.Trials);
        Assert.AreEqual(StopReason.NothingToTune, optimizer.LastStop?.Reason);
        StringAssert.Contains(optimizer.LastStop!.Message, "no decimal numeric literal");
        Assert.IsEmpty(optimizer.TunableLiterals(context.Baseline.MethodSource, out var problem));
        Assert.AreEqual(optimizer.LastStop.Message, problem);
    }

    [TestMethod]
    public async Task RunAsync_FewIterations_StopsWhenTheyAreUsed()
    {
        var optimizer = new MadsOptimizer();
        using var context = await RunAsync(optimizer, Root(iterations: 3), Ct);

        Assert.HasCount(3, context.Trials);
        Assert.AreEqual(0, context.IterationsLeft);
        Assert.AreEqual(StopReason.IterationsUsed, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_SameSeed_SameSequenceAndOtherSeedPollsInAnotherOrder()
    {
        using var first = await RunAsync(new MadsOptimizer(), Root(iterations: 30, seed: 21), Ct);
        using var second = await RunAsync(new MadsOptimizer(), Root(iterations: 30, seed: 21), Ct);
        using var other = await RunAsync(new MadsOptimizer(), Root(iterations: 30, seed: 22), Ct);

        CollectionAssert.AreEqual(first.Trace.ToArray(), second.Trace.ToArray());
        CollectionAssert.AreNotEqual(first.Trace.ToArray(), other.Trace.ToArray());
    }

    [TestMethod]
    public async Task RunAsync_SearchStep_AdoptsAFitterLlmPointAndPollsAroundIt()
    {
        var answer = LlmTestDataRoot(26);
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(answer), Reply.Completion(NoEditAnswer));
        var setup = Root() with { Arms = [Llm()], Llm = Options(server) };
        var optimizer = With(("literals", "loops"), ("search-every", "1"));
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.AreEqual("llm/test-model/optimize", context.Trials[0].Request.Arm?.Key);
        Assert.AreEqual(26, LoopBound(context.Trials[0].Outcome.Program!.MethodSource));
        Assert.AreEqual(context.Trials[0].Outcome.Program!.Id, context.Trials[1].ParentId, "the search point became the incumbent");
        Assert.AreEqual(25, LoopBound(context.Best.MethodSource), string.Join("\n", context.Trace));
        Assert.AreEqual(StopReason.Converged, optimizer.LastStop?.Reason);
        Assert.IsGreaterThan(2, server.RequestCount, "the search step runs every iteration while the budget lasts");
    }

    [TestMethod]
    public async Task RunAsync_BudgetSpent_SkipsTheSearchStepButStillConverges()
    {
        await using var server = await ScriptedChatServer.StartAsync();
        var setup = Root() with { Arms = [Llm()], Llm = Options(server), BudgetForLlmTrials = 0 };
        var optimizer = With(("literals", "loops"), ("search-every", "1"));
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.AreEqual(0, server.RequestCount);
        Assert.IsTrue(context.Trials.All(t => t.Request.Arm is null), "only free poll answers");
        Assert.AreEqual(25, LoopBound(context.Best.MethodSource));
        Assert.AreEqual(StopReason.Converged, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    [DataRow("literals", "first", "literals")]
    [DataRow("initial-step", "0", "greater than 0")]
    [DataRow("search-every", "-1", "from 0 to")]
    public void Constructor_InvalidParameter_ThrowsNamingItAndTheValidValues(string name, string value, string expected)
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => With((name, value)));

        StringAssert.Contains(ex.Message, $"'{name}'");
        StringAssert.Contains(ex.Message, expected);
        StringAssert.Contains(ex.Message, $"'{value}'");
    }

    [TestMethod]
    public void Constructor_MinStepAboveInitialStep_Throws()
    {
        var ex = Assert.ThrowsExactly<OptimizerSettingsException>(() => With(("initial-step", "0.1"), ("min-step", "0.5")));

        StringAssert.Contains(ex.Message, "min-step");
    }

    private static string LlmTestDataRoot(int steps) => $$"""
        {{steps}} steps are enough.

        ```csharp
        public static double Root(double x)
        {
            if (x <= 0)
            {
                return 0;
            }
            var guess = x / 2 + 1;
            for (var i = 0; i < {{steps}}; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }
            return guess;
        }
        ```
        """;
}
