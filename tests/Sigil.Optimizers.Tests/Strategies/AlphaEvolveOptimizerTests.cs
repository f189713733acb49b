using Sigil.Testing.ChatServer;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.AlphaEvolve;
using Sigil.Optimizers.Strategies.Configuration;
using Sigil.Optimizers.Tests.Strategies.Support;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Strategies.Support.StrategyFixtures;

namespace Sigil.Optimizers.Tests.Strategies;

// Fitness here is the deterministic CostModel (a stand-in for sandboxed timing); answers and candidates are real.
[TestClass]
public sealed class AlphaEvolveOptimizerTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    private static AlphaEvolveOptimizer With(params (string Name, string Value)[] values) =>
        new(values.Aggregate(OptimizerSettings.Default, (s, v) => s.With(v.Name, v.Value)));

    [TestMethod]
    public async Task RunAsync_RuleArms_ImprovesOnBaselineWithCascadeOnEveryRequest()
    {
        var optimizer = With(("islands", "2"));
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 30), Ct);

        Assert.IsGreaterThan(8.0, context.Best.Fitness, string.Join("\n", context.Trace));
        Assert.IsTrue(context.Trials.All(t => t.Request.Cascade), "AlphaEvolve asks for the evaluation cascade");
        Assert.IsTrue(context.Trials.All(t => t.Request.Label!.StartsWith($"island={(t.Index - 1) % 2} cell=", StringComparison.Ordinal)), "islands take turns");
        Assert.AreEqual(StopReason.IterationsUsed, optimizer.LastStop?.Reason);
    }

    [TestMethod]
    public async Task RunAsync_CascadeOff_RequestsDoNotAskForIt()
    {
        using var context = await RunAsync(With(("cascade", "false")), Kernel(KernelRules, iterations: 6), Ct);

        Assert.IsTrue(context.Trials.All(t => !t.Request.Cascade));
    }

    [TestMethod]
    public async Task RunAsync_SameSeed_SameSequenceAndOtherSeedDiffers()
    {
        using var first = await RunAsync(new AlphaEvolveOptimizer(), Kernel(KernelRules, iterations: 20, seed: 11), Ct);
        using var second = await RunAsync(new AlphaEvolveOptimizer(), Kernel(KernelRules, iterations: 20, seed: 11), Ct);
        using var other = await RunAsync(new AlphaEvolveOptimizer(), Kernel(KernelRules, iterations: 20, seed: 12), Ct);

        CollectionAssert.AreEqual(first.Trace.ToArray(), second.Trace.ToArray());
        CollectionAssert.AreNotEqual(first.Trace.ToArray(), other.Trace.ToArray());
    }

    [TestMethod]
    public async Task RunAsync_InspirationsArePassed_EarlierFeasibleProgramsOtherThanTheParent()
    {
        using var context = await RunAsync(With(("islands", "1"), ("inspirations", "3")), Kernel(KernelRules, iterations: 20), Ct);

        var inspired = context.Trials.Where(t => t.Request.Inspirations.Count > 0).ToList();
        Assert.IsNotEmpty(inspired, string.Join("\n", context.Trace));
        foreach (var trial in inspired)
        {
            Assert.IsLessThanOrEqualTo(3, trial.Request.Inspirations.Count);
            foreach (var inspiration in trial.Request.Inspirations)
            {
                Assert.IsTrue(inspiration.Feasible, "infeasible programs are never shown");
                Assert.IsFalse(inspiration.IsBaseline);
                Assert.AreNotEqual(trial.ParentId, inspiration.Id);
                Assert.IsLessThan(trial.Index, inspiration.Iteration, "only programs found earlier");
            }
        }
    }

    [TestMethod]
    public async Task RunAsync_LlmArm_PromptCarriesTheParentAndTheInspirations()
    {
        const string HoistedWithLoop = """
            Hoist the root and sum the positives with a loop.

            ```csharp
            public static double Kernel(double[] values, double factor)
            {
                var total = 0.0;
                var root = Math.Sqrt(factor);
                for (var i = 0; i < 1000; i++)
                {
                    total += values[i % values.Length] * root * 0.5;
                }
                var positive = 0.0;
                foreach (var v in values)
                {
                    if (v > 0)
                    {
                        positive += v;
                    }
                }
                return total + positive;
            }
            ```
            """;
        await using var server = await ScriptedChatServer.StartAsync(
            Reply.Completion(HoistedKernelAnswer), Reply.Completion(HoistedWithLoop), Reply.Completion(NoEditAnswer));
        var setup = Kernel([Llm("evolve")], iterations: 3) with { Llm = Options(server) };
        using var context = await RunAsync(With(("islands", "1"), ("exploit-rate", "1")), setup, Ct);

        var third = context.Trials[2].Request;
        Assert.AreEqual(context.Trials[1].Outcome.Program!.Id, third.Parent?.Id, "the fittest elite is the parent: " + string.Join("\n", context.Trace));
        Assert.AreEqual(context.Trials[0].Outcome.Program!.Id, third.Inspirations.Single().Id, "the other cell's elite is shown");
        var prompt = server.Requests[2].Message("user");
        StringAssert.Contains(prompt, "# Version to improve");
        StringAssert.Contains(prompt, "foreach (var v in values)");
        StringAssert.Contains(prompt, "# Other candidates");
        StringAssert.Contains(prompt, "var positive = values.Where(v => v > 0).Sum();");
    }

    [TestMethod]
    [DataRow(4, true)]
    [DataRow(0, false)]
    public async Task RunAsync_MigrationInterval_IslandElitesReachTheNextIslandOnlyByMigration(int interval, bool migrates)
    {
        // Trials alternate islands 0, 1, 0, 1…; only island 0's first trial finds something (the scripted answers are in order).
        var replies = new[] { Reply.Completion(HoistedKernelAnswer) }.Concat(Enumerable.Range(0, 5).Select(_ => Reply.Completion(NoEditAnswer))).ToArray();
        await using var server = await ScriptedChatServer.StartAsync(replies);
        var optimizer = With(("islands", "2"), ("migration-interval", interval.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("exploit-rate", "1"), ("stale-limit", "0"));
        var setup = Kernel([Llm()], iterations: 6) with { Llm = Options(server) };
        using var context = await RunAsync(optimizer, setup, Ct);

        var found = context.Trials[0].Outcome.Program!.Id;
        Assert.AreEqual("island=1", context.Trials[5].Request.Label!.Split(' ')[0]);
        Assert.AreEqual(migrates ? found : SearchProgram.BaselineId, context.Trials[5].ParentId, string.Join("\n", context.Trace));
        Assert.AreEqual(migrates ? 1 : 0, CrossIslandUses(context));
        Assert.AreEqual(migrates ? 1 : 0, optimizer.LastDatabase!.Migrations);
        Assert.AreEqual(migrates ? 1 : 0, optimizer.LastDatabase.Migrants);
    }

    [TestMethod]
    public async Task RunAsync_RuleArmsWithMigration_EveryIslandEndsWithTheBestFound()
    {
        var optimizer = With(("islands", "3"), ("migration-interval", "3"), ("stale-limit", "0"));
        using var context = await RunAsync(optimizer, Kernel(KernelRules, iterations: 30), Ct);

        Assert.AreEqual(10, optimizer.LastDatabase!.Migrations);
        var best = context.Trials.Take(27).Where(t => t.Outcome.IsFeasibleProgram || t.Outcome.Status == TrialStatus.Duplicate)
            .Select(t => t.Outcome.Program!).Where(p => p.Feasible).MaxBy(p => p.Fitness)!;
        Assert.IsTrue(optimizer.LastDatabase.Islands.All(i => i.Best!.Fitness >= best.Fitness),
            "two migrations along the ring carry the best of trial 27 to every island");
    }

    [TestMethod]
    public async Task RunAsync_InfeasibleResults_NeverBecomeElites()
    {
        var optimizer = With(("islands", "2"), ("migration-interval", "3"));
        using var context = await RunAsync(optimizer, Kernel(Rules("numeric-literal", "hoist-invariant"), iterations: 30), Ct);

        Assert.IsTrue(context.Trials.Any(t => t.Outcome.Program is { Feasible: false }), "the run met wrong results: " + string.Join("\n", context.Trace));
        Assert.IsTrue(context.Trials.All(t => t.Request.Parent is null or { Feasible: true }));
        Assert.IsTrue(context.Trials.SelectMany(t => t.Request.Inspirations).All(p => p.Feasible));
        Assert.IsTrue(optimizer.LastDatabase!.Islands.SelectMany(i => i.Elites).All(e => e.Value.Feasible));
    }

    [TestMethod]
    public async Task RunAsync_OnlyLlmArmAndBudgetSpent_Stops()
    {
        await using var server = await ScriptedChatServer.StartAsync(Reply.Completion(HoistedKernelAnswer), Reply.Completion(NoEditAnswer));
        var optimizer = new AlphaEvolveOptimizer();
        var setup = Kernel([Llm()], iterations: 10) with { Llm = Options(server), BudgetForLlmTrials = 2 };
        using var context = await RunAsync(optimizer, setup, Ct);

        Assert.HasCount(2, context.Trials);
        Assert.AreEqual(StopReason.BudgetExhausted, optimizer.LastStop?.Reason);
        Assert.AreEqual(8, context.IterationsLeft);
    }

    [TestMethod]
    public async Task RunAsync_NothingApplies_StopsAtTheStaleLimit()
    {
        var optimizer = With(("stale-limit", "4"));
        using var context = await RunAsync(optimizer, Kernel(Rules("list-capacity"), iterations: 30), Ct);

        Assert.HasCount(4, context.Trials);
        Assert.AreEqual(StopReason.Stalled, optimizer.LastStop?.Reason);
    }

    /// <summary>Requests on an island whose parent or inspiration no trial of that island returned (only migration brings those).</summary>
    private static int CrossIslandUses(TestSearchContext context)
    {
        static int Island(TrialRecord t) => int.Parse(t.Request.Label!.Split(' ')[0]["island=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var found = new Dictionary<int, HashSet<string>>();
        var uses = 0;
        foreach (var trial in context.Trials)
        {
            var island = Island(trial);
            var own = found.TryGetValue(island, out var set) ? set : found[island] = [SearchProgram.BaselineId];
            var used = trial.Request.Inspirations.Select(p => p.Id).Append(trial.ParentId);
            uses += used.Count(id => !own.Contains(id));
            if (trial.Outcome.Program is { } program)
            {
                own.Add(program.Id);
            }
        }
        return uses;
    }
}
