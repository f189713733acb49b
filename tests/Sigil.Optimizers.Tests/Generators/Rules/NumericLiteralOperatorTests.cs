using Sigil.Optimizers.Generators.Rules;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Rules.RuleTestSupport;

namespace Sigil.Optimizers.Tests.Generators.Rules;

[TestClass]
public sealed class NumericLiteralOperatorTests
{
    private const string Op = "numeric-literal";

    [TestMethod]
    public void Rewrite_QuickStartRoot_SomeSeedHalvesTheIterationCount()
    {
        var file = Samples.QuickStartKernels;
        var answers = Enumerable.Range(0, 32).Select(seed => Propose(file, "Root", Op, seed, Samples.QuickStartPath).Answer!).ToList();

        var fewer = answers.FirstOrDefault(a => a.Contains("for (var i = 0; i < 20; i++)", StringComparison.Ordinal));

        Assert.IsNotNull(fewer, "some seed steps the loop bound 40 down to 20");
        StringAssert.StartsWith(fewer, "Rule `numeric-literal`: changed the literal 40 in a loop condition to 20 (×0.5).");
        var rewritten = Apply(file, "Root", fewer, Samples.QuickStartPath);
        StringAssert.Contains(rewritten, "        for (var i = 0; i < 20; i++)");
        Assert.IsTrue(answers.Any(a => a.Contains("i < 60", StringComparison.Ordinal)), "and another steps it up");
        foreach (var answer in answers.Distinct())
        {
            Apply(file, "Root", answer, Samples.QuickStartPath);
        }
        using var compiled = Compiled.From(rewritten);
        Assert.AreEqual(3.0, (double)compiled.Call("Kernels", "Root", 9.0)!, 1e-12, "20 Newton steps still converge");
    }

    [TestMethod]
    public void Rewrite_SameSeed_SameAnswer()
    {
        var file = Samples.QuickStartKernels;

        Assert.AreEqual(Propose(file, "Root", Op, 5, Samples.QuickStartPath).Answer, Propose(file, "Root", Op, 5, Samples.QuickStartPath).Answer);
    }

    [TestMethod]
    public void Rewrite_OnlyZeros_IsNotApplicable()
    {
        var file = Samples.Class("public static int Zero(int x) => x * 0;\npublic static int Hex(int x) => x & 0xFF;");

        StringAssert.Contains(NotApplicable(file, "Zero", Op), "no non-zero decimal numeric literal");
        StringAssert.Contains(NotApplicable(file, "Hex", Op), "no non-zero decimal numeric literal");
    }

    [TestMethod]
    public void Step_Integers_MoveAtLeastOne()
    {
        var op = new NumericLiteralOperator(0.1);
        var literal = NumericLiterals.Find("int F() => 3;")[0];

        Assert.AreEqual(4, op.Step(literal, up: true));
        Assert.AreEqual(2, op.Step(literal, up: false));
    }
}
