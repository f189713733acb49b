using Microsoft.CodeAnalysis;
using Sigil.Generators.Tests.Infrastructure;

namespace Sigil.Generators.Tests.Analysis;

/// <summary>Which calls of a pin get an interceptor: every direct call in the project except recursion, the eval and base calls.</summary>
[TestClass]
public sealed class CallSiteResolverTests
{
    private static GeneratorRun RunClean(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        GeneratorHarness.RunWithSpec(source, kind: kind).AssertCompilesCleanly();

    [TestMethod]
    public void Resolve_ExtensionPin_ReducedAndStaticCallsAreIntercepted()
    {
        var run = RunClean("""
            namespace Text;
            public static class StringExtensions
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static string Shout(this string value, int times) => value.ToUpperInvariant() + new string('!', times);
                public static int Score(string value, int times, string result) => result.Length;
            }
            public static class Entry
            {
                public static string Run() => "a".Shout(1) + StringExtensions.Shout("b", 2);
            }
            """);

        Assert.AreEqual(2, run.InterceptedCalls);
    }

    [TestMethod]
    public void Resolve_TopLevelStatementsCallSite_IsIntercepted()
    {
        var run = GeneratorHarness.Run(
            [
                ("/src/app/Program.cs", """
                    using QuickStart;
                    System.Console.WriteLine(Calc.Square(3));
                    System.Console.WriteLine(Calc.Square(4));
                    """),
                ("/src/app/Specs.cs", GeneratorHarness.SpecDeclaration),
                ("/src/app/Calc.cs", """
                    namespace QuickStart;
                    public static class Calc
                    {
                        [Sigil.Improve("quickstart", Eval = nameof(Score))]
                        public static int Square(int x) => x * x;
                        public static double Score(int x, int result) => result;
                    }
                    """),
            ],
            kind: OutputKind.ConsoleApplication).AssertCompilesCleanly();

        Assert.AreEqual(2, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "// Program.cs(2,26)");
        StringAssert.Contains(run.GeneratedSource, "\"Calc.cs\", 5)]");
    }

    [TestMethod]
    public void Resolve_RecursiveCallAndEvalCallingThePin_StayDirect()
    {
        var run = RunClean("""
            public static class MathPins
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static long Fact(int n)
                {
                    System.Func<int, long> local = k => k <= 1 ? 1 : k * Fact(k - 1);
                    return n <= 1 ? 1 : n * Fact(n - 1) + 0 * local(0);
                }
                public static double Score(int n, long result) => result == Fact(n) ? 1 : 0;
                public static long Run() => Fact(5);
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "// Program.cs(10,33)");
    }

    [TestMethod]
    public void Resolve_ParamsOptionalAndNamedArguments_AreIntercepted()
    {
        var run = RunClean("""
            public static class Calls
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static int Total(int scale = 2, params int[] values) => scale * values.Length;
                public static double Score(int scale, int[] values, int result) => result;
                public static int Run() => Total() + Total(3, 1, 2) + Total(values: new[] { 1 }, scale: 4);
            }
            """);

        Assert.AreEqual(3, run.InterceptedCalls);
    }

    [TestMethod]
    public void Resolve_BaseCall_StaysDirect()
    {
        var run = RunClean("""
            public class Shape
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public virtual double Area(double scale) => scale;
                public static double Score(double scale, double result) => result;
            }
            public sealed class Square : Shape
            {
                public override double Area(double scale) => base.Area(scale) * 2;
                public static double Run(Shape shape) => shape.Area(1);
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
    }

    [TestMethod]
    public void Resolve_OverloadedPins_EachCallGoesToItsOwnInterceptor()
    {
        var run = RunClean("""
            public static class Over
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static int F(int x) => x;
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static int F(string s) => s.Length;
                public static double Score(int x, int result) => result;
                public static double Score(string s, int result) => result;
                public static int Run() => F(1) + F("ab") + F(2);
            }
            """);

        Assert.AreEqual(3, run.InterceptedCalls);
        Assert.AreEqual(2, run.FunctionIds.Count);
        Assert.IsTrue(run.FunctionIds.Any(id => id.Contains(":Over.F(int)#", StringComparison.Ordinal)));
        Assert.IsTrue(run.FunctionIds.Any(id => id.Contains(":Over.F(string)#", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]\n    public partial int Twice(int x);", "public partial int Twice(int x) => 2 * x;")]
    [DataRow("public partial int Twice(int x);", "[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]\n    public partial int Twice(int x) => 2 * x;")]
    public void Resolve_PartialMethodWithBody_IsInterceptedWhicheverPartIsPinned(string definition, string implementation)
    {
        var run = RunClean($$"""
            public partial class Parts
            {
                {{definition}}
                public static double Score(int x, int result) => result;
                public int Run() => Twice(3);
            }
            public partial class Parts
            {
                {{implementation}}
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.FunctionIds.Single(), ":Parts.Twice(int)#");
    }
}
