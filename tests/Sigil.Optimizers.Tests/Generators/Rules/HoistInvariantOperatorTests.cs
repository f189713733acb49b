using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Rules.RuleTestSupport;

namespace Sigil.Optimizers.Tests.Generators.Rules;

[TestClass]
public sealed class HoistInvariantOperatorTests
{
    private const string Op = "hoist-invariant";

    [TestMethod]
    public void Rewrite_MathCallInLoop_IsHoistedBeforeTheLoop()
    {
        var file = Samples.Class("""
            public static double Scaled(double[] values, double factor)
            {
                var total = 0.0;
                for (var i = 0; i < values.Length; i++)
                {
                    total += values[i] * Math.Sqrt(factor) / values.Length;
                }
                return total;
            }
            """);

        var result = Propose(file, "Scaled", Op);

        Assert.AreEqual("""
            public static double Scaled(double[] values, double factor)
            {
                var total = 0.0;
                var hoisted = Math.Sqrt(factor);
                for (var i = 0; i < values.Length; i++)
                {
                    total += values[i] * hoisted / values.Length;
                }
                return total;
            }
            """, MethodOf(result.Answer!));
        Behaviour.AssertSame(file, Apply(file, "Scaled", result.Answer!), "Sample", "Scaled",
            [new[] { 1.0, 2.0, 3.0 }, 4.0], [Array.Empty<double>(), 2.0], [new[] { 1.0 }, -1.0]);
    }

    [TestMethod]
    public void Rewrite_NestedLoops_HoistsToTheOutermostLoopAndReplacesEveryOccurrence()
    {
        var file = Samples.Class("""
            public static long Grid(int rows, int columns, int scale, int offset)
            {
                long sum = 0;
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < columns; c++)
                    {
                        sum += r * (scale * offset + 1) + c * (scale * offset + 1);
                    }
                }
                return sum;
            }
            """);

        var result = Propose(file, "Grid", Op);

        var method = MethodOf(result.Answer!);
        StringAssert.Contains(method, "    long sum = 0;\n    var hoisted = scale * offset + 1;\n    for (var r = 0;");
        StringAssert.Contains(method, "sum += r * hoisted + c * hoisted;");
        StringAssert.Contains(result.Answer, "(2 occurrences)");
        Behaviour.AssertSame(file, Apply(file, "Grid", result.Answer!), "Sample", "Grid", [3, 4, 5, 6], [0, 0, 1, 1], [2, 2, -3, 7]);
    }

    [TestMethod]
    public void Rewrite_VariantInnerLoop_HoistsOnlyOutOfTheInnerLoop()
    {
        var file = Samples.Class("""
            public static int Triangle(int n, int k)
            {
                var total = 0;
                for (var r = 0; r < n; r++)
                {
                    var step = r + 1;
                    for (var c = 0; c < n; c++)
                    {
                        total += c * (step * k);
                    }
                }
                return total;
            }
            """);

        var result = Propose(file, "Triangle", Op);

        StringAssert.Contains(MethodOf(result.Answer!), "        var step = r + 1;\n        var hoisted = step * k;\n        for (var c = 0;");
        Behaviour.AssertSame(file, Apply(file, "Triangle", result.Answer!), "Sample", "Triangle", [4, 3], [0, 9]);
    }

    [TestMethod]
    public void Rewrite_NothingInvariantOrUnsafe_IsNotApplicable()
    {
        var file = Samples.Class("""
            public static int Assigned(int n, int k)
            {
                var total = 0;
                for (var i = 0; i < n; i++)
                {
                    total += k * 2;
                    k++;
                }
                return total;
            }
            public static int Division(int n, int a, int b)
            {
                var total = 0;
                for (var i = 0; i < n; i++)
                {
                    total += a / b;
                }
                return total;
            }
            public static int FieldRead(int n)
            {
                var total = 0;
                for (var i = 0; i < n; i++)
                {
                    total += Counter * 2;
                }
                return total;
            }
            public static int Counter;
            public static int NoLoop(int x) => x * 2;
            public static int Captured(int n, int k)
            {
                Action bump = () => k++;
                var total = 0;
                for (var i = 0; i < n; i++)
                {
                    bump();
                    total += k * 3;
                }
                return total;
            }
            """);

        StringAssert.Contains(NotApplicable(file, "Assigned", Op), "invariant and safe to hoist");
        StringAssert.Contains(NotApplicable(file, "Division", Op), "invariant and safe to hoist");
        StringAssert.Contains(NotApplicable(file, "FieldRead", Op), "invariant and safe to hoist");
        StringAssert.Contains(NotApplicable(file, "NoLoop", Op), "no loop");
        StringAssert.Contains(NotApplicable(file, "Captured", Op), "invariant and safe to hoist");
        StringAssert.Contains(NotApplicable(Samples.QuickStartKernels, "Root", Op), "invariant and safe to hoist");
    }

    [TestMethod]
    public void Rewrite_DivisionByNonZeroLiteral_IsHoisted()
    {
        var file = Samples.Class("""
            public static int Halves(int n, int a)
            {
                var total = 0;
                while (n > 0)
                {
                    total += a / 2;
                    n--;
                }
                return total;
            }
            """);

        var result = Propose(file, "Halves", Op);

        StringAssert.Contains(MethodOf(result.Answer!), "var hoisted = a / 2;\n    while (n > 0)");
        Behaviour.AssertSame(file, Apply(file, "Halves", result.Answer!), "Sample", "Halves", [3, 9], [0, 5]);
    }
}
