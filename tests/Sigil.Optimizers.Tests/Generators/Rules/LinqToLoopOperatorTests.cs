using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Rules.RuleTestSupport;

namespace Sigil.Optimizers.Tests.Generators.Rules;

[TestClass]
public sealed class LinqToLoopOperatorTests
{
    private const string Op = "linq-to-loop";

    [TestMethod]
    public void Rewrite_QuickStartSumOfSquares_BecomesACheckedLoopThatBehavesTheSame()
    {
        var file = Samples.QuickStartKernels;

        var result = Propose(file, "SumOfSquares", Op, path: Samples.QuickStartPath);

        Assert.AreEqual("""
            public static long SumOfSquares(int[] values)
            {
                long sum = 0;
                foreach (var v in values)
                {
                    var selected = (long)v * v;
                    sum = checked(sum + selected);
                }
                return sum;
            }
            """, MethodOf(result.Answer!));
        var rewritten = Apply(file, "SumOfSquares", result.Answer!, Samples.QuickStartPath);
        Behaviour.AssertSame(file, rewritten, "Kernels", "SumOfSquares",
            [new[] { 1, 2, 3 }], [Array.Empty<int>()], [new[] { -1000, 999, 0, 7 }], [new[] { int.MinValue, int.MinValue, int.MinValue }]);
    }

    [TestMethod]
    public void Rewrite_WhereCountOverList_BecomesACountingLoop()
    {
        var file = Samples.Class("""
            public static int Positives(List<int> values)
            {
                var count = values.Where(v => v > 0).Count();
                return count;
            }
            """);

        var result = Propose(file, "Positives", Op);

        Assert.AreEqual("""
            public static int Positives(List<int> values)
            {
                var count2 = 0;
                foreach (var v in values)
                {
                    if (!(v > 0))
                    {
                        continue;
                    }
                    count2++;
                }
                var count = count2;
                return count;
            }
            """, MethodOf(result.Answer!));
        var rewritten = Apply(file, "Positives", result.Answer!);
        Behaviour.AssertSame(file, rewritten, "Sample", "Positives", [new List<int> { 1, -2, 3, 0 }], [new List<int>()]);
    }

    [TestMethod]
    public void Rewrite_AnyAllAndMax_KeepTheirResultsAndExceptions()
    {
        var file = Samples.Class("""
            public static bool HasBig(int[] values, int limit) => values.Any(v => v > limit);
            public static bool AllEven(int[] values) => values.All(v => v % 2 == 0);
            public static long Largest(long[] values) => values.Select(v => v * 2).Max();
            public static double Total(double[] values, double scale) => values.Where(v => v >= 0).Sum(v => v * scale);
            """);
        object?[][] arrays = [[new[] { 1, 5, 9 }], [Array.Empty<int>()], [new[] { 2, 4 }]];

        foreach (var (name, inputs) in new (string, object?[][])[]
        {
            ("HasBig", [[new[] { 1, 5, 9 }, 4], [Array.Empty<int>(), 0], [new[] { 1 }, 1]]),
            ("AllEven", arrays),
            ("Largest", [[new long[] { 3, -9, 7 }], [Array.Empty<long>()]]),
            ("Total", [[new[] { 1.5, -2, 4 }, 2.0], [Array.Empty<double>(), 3.0]]),
        })
        {
            var result = Propose(file, name, Op);
            StringAssert.Contains(result.Answer, "foreach (var v in values)", name);
            Behaviour.AssertSame(file, Apply(file, name, result.Answer!), "Sample", name, inputs);
        }
    }

    [TestMethod]
    public void Rewrite_NameUsedInsideTheLambda_IsNotShadowedByTheNewLocals()
    {
        var file = Samples.Class("""
            public static long Weighted(int[] values) => values.Select(v => (long)v * (long)sum).Sum();
            public static int sum = 3;
            """);
        var request = Samples.Request(file, "Weighted", op: Op) with { ContextSource = null };

        var result = new Sigil.Optimizers.Generators.Rules.RuleGenerator().Propose(request);

        StringAssert.Contains(result.Answer, "long sum2 = 0;");
        StringAssert.Contains(result.Answer, "var selected = (long)v * (long)sum;");
        Behaviour.AssertSame(file, Apply(file, "Weighted", result.Answer!), "Sample", "Weighted", [new[] { 1, 2 }]);
    }

    [TestMethod]
    public void Rewrite_NotApplicable_SaysWhy()
    {
        var file = Samples.Class("""
            public static int FromEnumerable(IEnumerable<int> values) => values.Select(v => v * v).Sum();
            public static int Sorted(int[] values) => values.OrderBy(v => v).Select(v => v * 2).Sum();
            public static int InExpression(int[] values) => values.Select(v => v * v).Sum() + 1;
            public static double Floating(double[] values) => values.Select(v => v * 2).Max();
            public static int Plain(int[] values) => values.Sum();
            public static int NoLinq(int x) => x + 1;
            """);

        StringAssert.Contains(NotApplicable(file, "FromEnumerable", Op), "not declared as an array or a List<T>");
        StringAssert.Contains(NotApplicable(file, "Sorted", Op), "uses OrderBy");
        StringAssert.Contains(NotApplicable(file, "InExpression", Op), "part of a larger expression");
        StringAssert.Contains(NotApplicable(file, "Floating", Op), "only rewritten for int and long");
        StringAssert.Contains(NotApplicable(file, "Plain", Op), "already vectorized");
        StringAssert.Contains(NotApplicable(file, "NoLinq", Op), "no LINQ chain");
    }
}
