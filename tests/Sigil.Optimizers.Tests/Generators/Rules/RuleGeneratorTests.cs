using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Rules;
using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Rules.RuleTestSupport;

namespace Sigil.Optimizers.Tests.Generators.Rules;

[TestClass]
public sealed class RuleGeneratorTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ProposeAsync_NoOperator_SeedPicksAnApplicableRuleDeterministically()
    {
        var generator = new RuleGenerator();
        var file = Samples.QuickStartKernels;
        var operators = new HashSet<string>();

        for (var seed = 0; seed < 16; seed++)
        {
            var request = Samples.Request(file, "Root", Samples.QuickStartPath, seed: seed);
            var first = await generator.ProposeAsync(request, TestContext.CancellationToken);
            var again = await generator.ProposeAsync(request, TestContext.CancellationToken);
            Assert.AreEqual(first.Answer, again.Answer, $"seed {seed}");
            Assert.IsTrue(first.Succeeded, first.Failure?.ToString());
            operators.Add(first.Operator!);
            Apply(file, "Root", first.Answer!, Samples.QuickStartPath);
        }

        CollectionAssert.AreEquivalent(new[] { "numeric-literal" }, operators.ToArray(), "only the literal rule applies to Root");
    }

    [TestMethod]
    public void Propose_NothingApplies_IsNotApplicableWithEachOperatorsReason()
    {
        var file = Samples.Class("public static int Same(int x) => x;");

        var result = new RuleGenerator().Propose(Samples.Request(file, "Same"));

        Assert.AreEqual(GenerationFailureKind.NotApplicable, result.Failure?.Kind);
        Assert.IsNull(result.Operator);
        foreach (var name in RewriteOperators.All.Select(o => o.Name))
        {
            StringAssert.Contains(result.Failure!.Message, name + ":");
        }
    }

    [TestMethod]
    public void Propose_ParentSource_IsWhereTheRewriteStarts()
    {
        var file = Samples.QuickStartKernels;
        var request = Samples.Request(file, "SumOfSquares", Samples.QuickStartPath, "linq-to-loop") with
        {
            ParentSource = "public static long SumOfSquares(int[] values) => values.Where(v => v != 0).Select(v => (long)v * v).Sum();",
        };

        var result = new RuleGenerator().Propose(request);

        StringAssert.Contains(result.Answer, "if (!(v != 0))");
        Behaviour.AssertSame(file, Apply(file, "SumOfSquares", result.Answer!, Samples.QuickStartPath), "Kernels", "SumOfSquares", [new[] { 0, 3, -4 }]);
    }

    [TestMethod]
    public void Propose_UnknownOperatorOrUnparsableMethod_IsReported()
    {
        var file = Samples.QuickStartKernels;

        var error = Assert.ThrowsExactly<ArgumentException>(() => new RuleGenerator().Propose(Samples.Request(file, "Root", op: "magic")));
        var broken = new RuleGenerator().Propose(Samples.Request(file, "Root") with { MethodSource = "public static double Root(" });

        StringAssert.Contains(error.Message, "linq-to-loop");
        Assert.AreEqual(GenerationFailureKind.NotApplicable, broken.Failure?.Kind);
        StringAssert.Contains(broken.Failure!.Message, "does not parse");
    }

    [TestMethod]
    public void Propose_CrlfAndIndentedSource_IsNormalizedToColumnZero()
    {
        var file = Samples.QuickStartKernels;
        var request = Samples.Request(file, "Root", Samples.QuickStartPath, "numeric-literal");
        var indented = string.Join("\r\n", request.MethodSource.Replace("\r\n", "\n").Split('\n'));

        var result = new RuleGenerator().Propose(request with { MethodSource = "/// <summary>doc</summary>\r\n        " + indented });

        var method = MethodOf(result.Answer!);
        StringAssert.StartsWith(method, "public static double Root(double x)\n{\n    if (x <= 0)");
        Assert.IsFalse(method.Contains('\r', StringComparison.Ordinal));
        Apply(file, "Root", result.Answer!, Samples.QuickStartPath);
    }
}
