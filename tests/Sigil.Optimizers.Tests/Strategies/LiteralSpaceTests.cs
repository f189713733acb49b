using Sigil.Candidates.Building;
using Sigil.Optimizers.Strategies.Mads;
using Sigil.Optimizers.Tests.Support;

namespace Sigil.Optimizers.Tests.Strategies;

[TestClass]
public sealed class LiteralSpaceTests
{
    private const string Method = """
        public static double Mixed(double x)
        {
            var total = 0.0;
            for (var i = 0u; i < 40u; i++)
            {
                total += x * 0.25f + 3L;
            }
            return total * 1.5;
        }
        """;

    private static LiteralSpace Space(string selection = "all", bool keepSign = true) =>
        LiteralSpace.Create(Method, selection, keepSign, out var problem) ?? throw new AssertFailedException(problem ?? "no space");

    [TestMethod]
    public void Create_Selection_PicksAllLoopOrIndexedLiterals()
    {
        CollectionAssert.AreEqual(new[] { "0.0", "0u", "40u", "0.25f", "3L", "1.5" }, Space().Literals.Select(l => l.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "40u" }, Space("loops").Literals.Select(l => l.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "0.25f", "1.5" }, Space("3, 5").Literals.Select(l => l.Text).ToArray());
        Assert.IsNull(LiteralSpace.Create(Method, "9", true, out var problem));
        StringAssert.Contains(problem, "None of the method's 6 numeric literals");
    }

    [TestMethod]
    public void IsValidSelection_Syntax_AllLoopsOrIndexes()
    {
        Assert.IsTrue(LiteralSpace.IsValidSelection("all"));
        Assert.IsTrue(LiteralSpace.IsValidSelection("loops"));
        Assert.IsTrue(LiteralSpace.IsValidSelection("0, 3"));
        Assert.IsFalse(LiteralSpace.IsValidSelection("-1"));
        Assert.IsFalse(LiteralSpace.IsValidSelection("first"));
        Assert.IsFalse(LiteralSpace.IsValidSelection(""));
    }

    [TestMethod]
    public void SnapAndInBounds_RespectEachLiteralsKindAndSign()
    {
        var space = Space();

        Assert.AreEqual(41, space.Snap(2, 40.5), "integers round half away from zero");
        Assert.AreEqual((double)0.1f, space.Snap(3, 0.1), "floats hold single precision");
        Assert.AreEqual(0.1, space.Snap(5, 0.1));
        Assert.IsFalse(space.InBounds(1, -1), "a uint is never negative");
        Assert.IsFalse(space.InBounds(2, 0), "with keep-sign a positive literal stays positive");
        Assert.IsTrue(Space(keepSign: false).InBounds(2, 0));
        Assert.IsTrue(space.InBounds(0, -3), "a zero literal may go either way");
        Assert.IsFalse(space.InBounds(4, 1e30), "beyond long");
        Assert.AreEqual(40, space.Scale(2));
        Assert.AreEqual(1, space.Scale(1), "an integer 0 moves by whole steps");
        Assert.AreEqual(1.5, space.Scale(5));
    }

    [TestMethod]
    public void RenderAndKey_WriteTheValuesWithTheirSuffixes()
    {
        var space = Space();
        double[] point = [0.0, 0, 25, 0.5, 7, 2];

        var rendered = space.Render(point);

        StringAssert.Contains(rendered, "i < 25u");
        StringAssert.Contains(rendered, "x * 0.5f + 7L");
        StringAssert.Contains(rendered, "total * 2.0");
        Assert.AreEqual("0.0|0u|25u|0.5f|7L|2.0", space.Key(point));
        CollectionAssert.AreEqual(point, space.TryRead(rendered));
    }

    [TestMethod]
    public void TryRead_OtherCode_IsNotAPointOfTheSpace()
    {
        var space = Space("loops");

        Assert.IsNull(space.TryRead(Method.Replace("x * 0.25f", "x * 0.5f", StringComparison.Ordinal)), "a literal outside the selection changed");
        Assert.IsNull(space.TryRead(Method.Replace("total += x", "total -= x", StringComparison.Ordinal)), "other tokens changed");
        Assert.IsNull(space.TryRead("not a method"));
        CollectionAssert.AreEqual(new[] { 30.0 }, space.TryRead("  " + Method.Replace("40u", "30u", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Render_AnswerOnAFileWithAttributes_BuildsACandidateKeepingThem()
    {
        var file = Samples.QuickStartKernels;
        var source = Sigil.Optimizers.Tests.Strategies.Support.TestSearchContext.MethodSource(file, "Root");
        var space = LiteralSpace.Create(source, "loops", true, out _)!;
        var answer = "```csharp\n" + space.Render([30]) + "\n```\n";

        var built = CandidateBuilder.Build(Samples.Sources(Samples.QuickStartPath, file), Samples.Pin(file, "Root", Samples.QuickStartPath), answer);

        Assert.IsInstanceOfType<Candidate>(built, built.Failure?.ToString());
        var diff = ((Candidate)built).Diff;
        StringAssert.Contains(diff, "-        for (var i = 0; i < 40; i++)");
        StringAssert.Contains(diff, "+        for (var i = 0; i < 30; i++)");
        Assert.AreEqual(2, diff.Split('\n').Count(l => l.StartsWith('+') || l.StartsWith('-')) - 2, "only the literal's line changes");
    }
}
