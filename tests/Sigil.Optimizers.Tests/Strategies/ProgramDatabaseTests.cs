using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Strategies;
using Sigil.Optimizers.Strategies.AlphaEvolve;

namespace Sigil.Optimizers.Tests.Strategies;

[TestClass]
public sealed class ProgramDatabaseTests
{
    private const string Baseline = """
        public static int Sum(int[] values)
        {
            var total = 0;
            foreach (var v in values)
            {
                total += v;
            }
            return total;
        }
        """;

    private const string Linq = "public static int Sum(int[] values) => values.Sum();";

    private const string TwoLoops = """
        public static int Sum(int[] values)
        {
            var total = 0;
            var i = 0;
            for (; i + 1 < values.Length; i += 2)
            {
                total += values[i] + values[i + 1];
            }
            for (; i < values.Length; i++)
            {
                total += values[i];
            }
            return total;
        }
        """;

    [TestMethod]
    public void Describe_LengthAndLoops_BucketsAgainstTheBaseline()
    {
        var tokens = ProgramFeatures.Tokens(Baseline);

        Assert.AreEqual(new FeatureCell(2, 1), ProgramFeatures.Describe(Baseline, tokens));
        Assert.AreEqual(new FeatureCell(0, 0), ProgramFeatures.Describe(Linq, tokens), "much shorter, no loop");
        Assert.AreEqual(new FeatureCell(4, 2), ProgramFeatures.Describe(TwoLoops, tokens), "much longer, two loops");
        Assert.AreEqual(ProgramFeatures.Tokens(Baseline), ProgramFeatures.Tokens("[Improve(\"s\")]\n" + Baseline), "attributes do not count");
    }

    [TestMethod]
    public void Offer_PerCell_KeepsTheFittestFeasibleProgram()
    {
        var database = new ProgramDatabase(Program("baseline", Baseline, 1.0), islands: 1);

        Assert.IsFalse(database.Offer(0, Program("wrong", Linq, 50.0, feasible: false)), "infeasible programs never become elites");
        Assert.IsTrue(database.Offer(0, Program("linq", Linq, 1.5)));
        Assert.IsFalse(database.Offer(0, Program("slower-linq", Linq, 1.2)), "a less fit program does not replace the elite");
        Assert.IsTrue(database.Offer(0, Program("faster-linq", Linq, 2.0)));
        Assert.IsFalse(database.Offer(0, Program("slow", Baseline + " ", 0.5)), "the baseline's cell keeps the baseline");

        var elites = database.Islands[0].Elites.ToDictionary(e => e.Key, e => e.Value.Id);
        CollectionAssert.AreEquivalent(new[] { "baseline", "faster-linq" }, elites.Values.ToArray());
        Assert.AreEqual("faster-linq", database.Islands[0].Best!.Id);
    }

    [TestMethod]
    public void Migrate_Ring_BestElitesMoveOneIslandPerMigration()
    {
        var database = new ProgramDatabase(Program("baseline", Baseline, 1.0), islands: 3);
        var found = Program("two-loops", TwoLoops, 3.0);
        database.Offer(0, found);

        Assert.AreEqual(1, database.Migrate(), "only island 0 has something new");
        Assert.IsTrue(database.Islands[1].Holds(found));
        Assert.IsFalse(database.Islands[2].Holds(found), "migrants travel one island per migration");

        database.Migrate();
        Assert.IsTrue(database.Islands[2].Holds(found));
        Assert.AreEqual(2, database.Migrations);
        Assert.AreEqual(2, database.Migrants);
    }

    [TestMethod]
    public void SampleParentAndInspirations_ExploitExploreAndShowOthers()
    {
        var database = new ProgramDatabase(Program("baseline", Baseline, 1.0), islands: 1);
        database.Offer(0, Program("linq", Linq, 1.5));
        database.Offer(0, Program("two-loops", TwoLoops, 3.0));
        var random = new SeededRandom(3);

        Assert.AreEqual("two-loops", database.SampleParent(0, random, exploitRate: 1).Id, "exploit takes the best");
        var explored = Enumerable.Range(0, 40).Select(_ => database.SampleParent(0, random, exploitRate: 0).Id).ToHashSet();
        CollectionAssert.AreEquivalent(new[] { "baseline", "linq", "two-loops" }, explored.ToArray(), "explore visits every cell");

        var inspirations = database.SampleInspirations(0, database.Islands[0].Best!, 3, random);
        CollectionAssert.AreEqual(new[] { "linq" }, inspirations.Select(p => p.Id).ToArray(), "never the parent or the baseline");
    }

    private static SearchProgram Program(string id, string source, double fitness, bool feasible = true) =>
        new(id, id == "baseline" ? null : "baseline", source, fitness, feasible, new Dictionary<string, double>(), 1);
}
