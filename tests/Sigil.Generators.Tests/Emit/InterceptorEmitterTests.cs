using Microsoft.CodeAnalysis;
using Sigil.Generators.Tests.Infrastructure;

namespace Sigil.Generators.Tests.Emit;

/// <summary>The generated file compiles with zero warnings and errors for every supported pin kind.</summary>
[TestClass]
public sealed class InterceptorEmitterTests
{
    private static GeneratorRun RunClean(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        GeneratorHarness.RunWithSpec(source, kind: kind).AssertCompilesCleanly();

    [TestMethod]
    public void Emit_StaticPinOneParameter_CompilesAndInterceptsEveryCall()
    {
        var run = RunClean("""
            namespace QuickStart;
            public static class Calc
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score), Workspace = "v1")]
                public static int Square(int x) => x * x;
                public static double Score(int x, int result) => result;
            }
            public static class Entry
            {
                public static int Run(int x) => Calc.Square(x) + Calc.Square(2);
            }
            """);

        Assert.AreEqual(2, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "global::Sigil.Runtime.PinTracker<global::System.ValueTuple<int>, int>");
        StringAssert.Contains(run.GeneratedSource, "new(\"quickstart\", \"Quick start\", true)");
        StringAssert.Contains(run.GeneratedSource, "PinRegistry.Initialize(@\"/src/app\"");
    }

    [TestMethod]
    public void Emit_InstancePin_InterceptsThroughThisParameter()
    {
        var run = RunClean("""
            namespace Shop;
            public sealed class Pricing
            {
                private readonly decimal _rate = 1.2m;
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public decimal Price(decimal net, string? coupon) => coupon is null ? net * _rate : net;
                public static double Score(decimal net, string? coupon, decimal result) => (double)result;
                public decimal Twice(decimal net) => Price(net, null) + this.Price(net, "x");
            }
            public static class Entry
            {
                public static decimal Run(Pricing? p) => p?.Price(1m, null) ?? new Pricing().Price(2m, "a");
            }
            """);

        Assert.AreEqual(4, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "Pin0_Call(this global::Shop.Pricing self, decimal arg0, string? arg1)");
    }

    [TestMethod]
    public void Emit_ZeroParameters_UsesNonGenericValueTuple()
    {
        var run = RunClean("""
            public static class Clock
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static long Ticks() => 42;
                public static long Score(long result) => result;
                public static long Run() => Ticks();
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "PinTracker<global::System.ValueTuple, long>");
        StringAssert.Contains(run.GeneratedSource, "default(global::System.ValueTuple)");
    }

    [TestMethod]
    public void Emit_ThreeParameters_UsesTupleSyntax()
    {
        var run = RunClean("""
            using System.Collections.Generic;
            namespace Geometry;
            public static class Shapes
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static double Area(double w, List<int> sides, string? name) => w * sides.Count;
                public static bool Score(double w, List<int> sides, string name, double result) => result >= 0;
                public static double Run() => Area(2, new List<int> { 1, 2 }, null);
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "PinTracker<(double, global::System.Collections.Generic.List<int>, string?), double>");
        StringAssert.Contains(run.GeneratedSource, "? 1.0 : 0.0");
    }

    [TestMethod]
    public void Emit_NineParameters_NestsTheArgumentTuple()
    {
        var run = RunClean("""
            public static class Wide
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static int Sum(int a, int b, int c, int d, int e, int f, int g, int h, int i) => a + b + c + d + e + f + g + h + i;
                public static int Score(int a, int b, int c, int d, int e, int f, int g, int h, int i, int result) => result;
                public static int Run() => Sum(1, 2, 3, 4, 5, 6, 7, 8, 9);
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "(arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7, arg8)");
    }

    [TestMethod]
    public void Emit_VoidPin_PassesDefaultResultAndEvalTakesOnlyParameters()
    {
        var run = RunClean("""
            public static class Log
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static void Write(string message, [Sigil.Sensitive] string user) { }
                public static float Score(string message, string user) => message.Length;
                public static void Run() => Write("a", "b");
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "PinTracker<(string, string), global::System.ValueTuple>");
        StringAssert.Contains(run.GeneratedSource, "new bool[] { false, true }, \"void\", false");
        StringAssert.Contains(run.GeneratedSource, "default(global::System.ValueTuple), score, evalError");
    }

    [TestMethod]
    public void Emit_AsyncPins_AwaitOnTheTrackedPathOnly()
    {
        var run = RunClean("""
            using System.Threading.Tasks;
            public sealed class Service
            {
                [Sigil.Improve("quickstart", Eval = nameof(ScoreTask))]
                public static async Task<int> LoadAsync(int id) { await Task.Yield(); return id; }
                public static double ScoreTask(int id, int result) => result;

                [Sigil.Improve("quickstart", Eval = nameof(ScoreValueTask))]
                public ValueTask<string> NameAsync(int id) => new ValueTask<string>(id.ToString());
                public static double ScoreValueTask(int id, string result) => result.Length;

                [Sigil.Improve("quickstart", Eval = nameof(ScoreVoid))]
                public static Task SaveAsync(int id) => Task.CompletedTask;
                public static double ScoreVoid(int id) => id;

                [Sigil.Improve("quickstart", Eval = nameof(ScoreVoid))]
                public static ValueTask FlushAsync(int id) => default;

                public async Task<int> RunAsync()
                {
                    await SaveAsync(1);
                    await FlushAsync(1);
                    return await LoadAsync(1) + (await NameAsync(2)).Length;
                }
            }
            """);

        Assert.AreEqual(4, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "PinTracker<global::System.ValueTuple<int>, int>");
        StringAssert.Contains(run.GeneratedSource, "PinTracker<global::System.ValueTuple<int>, string>");
        StringAssert.Contains(run.GeneratedSource, "private static async global::System.Threading.Tasks.Task<int> Pin0_TrackedAsync(");
        StringAssert.Contains(run.GeneratedSource, ".ConfigureAwait(false);");
        StringAssert.Contains(run.GeneratedSource, "\"int\", true,");
    }

    [TestMethod]
    public void Emit_PrivatePinAndPrivateEval_UseUnsafeAccessors()
    {
        var run = RunClean("""
            namespace Hidden;
            public sealed class Secret
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                private static int Mix(int x) => x ^ 7;
                private static double Score(int x, int result) => result;

                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                private int Blend(int x) => x + 1;

                public int Run(int x) => Mix(x) + Blend(x);
            }
            """);

        Assert.AreEqual(2, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "UnsafeAccessorKind.StaticMethod, Name = \"Mix\")]");
        StringAssert.Contains(run.GeneratedSource, "UnsafeAccessorKind.Method, Name = \"Blend\")]");
        StringAssert.Contains(run.GeneratedSource, "UnsafeAccessorKind.StaticMethod, Name = \"Score\")]");
    }

    [TestMethod]
    public void Emit_StaticPinInPrivateNestedType_UsesUnsafeAccessorType()
    {
        var run = RunClean("""
            namespace Hidden;
            public sealed class Outer
            {
                private static class Inner
                {
                    [Sigil.Improve("quickstart", Eval = nameof(Score))]
                    public static int Twice(int x) => 2 * x;
                    public static double Score(int x, int result) => result;
                }
                public static int Run(int x) => Inner.Twice(x);
            }
            """);

        Assert.AreEqual(1, run.InterceptedCalls);
        StringAssert.Contains(run.GeneratedSource, "UnsafeAccessorType(\"Hidden.Outer+Inner, TestApp\")] object? target");
    }

    [TestMethod]
    public void Emit_SpecsWithoutPins_StillRegistersTheProject()
    {
        var run = RunClean("public static class Nothing { }");

        Assert.IsNotNull(run.GeneratedSource);
        Assert.AreEqual(0, run.InterceptedCalls);
        Assert.AreEqual(0, run.FunctionIds.Count);
        StringAssert.Contains(run.GeneratedSource, "ModuleInitializer");
    }

    [TestMethod]
    public void Emit_NoSpecsNoPins_GeneratesNothing()
    {
        var run = GeneratorHarness.Run("public static class Nothing { public static int M() => 1; }").AssertCompilesCleanly();

        Assert.IsNull(run.GeneratedSource);
    }

    [TestMethod]
    public void Emit_PinAttribute_CarriesSpecWorkspaceEvalAndRelativeSource()
    {
        var run = GeneratorHarness.Run(
            [("/src/app/Kernels/Calc.cs", """
                namespace QuickStart;
                public static class Calc
                {
                    [Sigil.Improve("quickstart", Eval = nameof(Evals.Score), EvalType = typeof(Evals), Workspace = "v1")]
                    public static int Square(int x) => x * x;
                }
                public static class Evals
                {
                    public static double Score(int x, int result) => result;
                }
                """), ("/src/app/Specs.cs", GeneratorHarness.SpecDeclaration)]).AssertCompilesCleanly();

        var attribute = run.PinAttributes.Single();
        CollectionAssert.AreEqual(
            new object?[] { run.FunctionIds[0], "quickstart", "v1", "QuickStart.Evals.Score", "Kernels/Calc.cs", 5 },
            attribute.Select(a => a.Value).ToArray());
    }

    [TestMethod]
    public void Emit_SpecDescriptionAndWorkspaceWithQuotes_AreEscaped()
    {
        var run = GeneratorHarness.Run(
        [
            ("/src/app/Specs.cs", "[assembly: Sigil.Spec(\"s\", Description = \"say \\\"hi\\\"\\n\\\\ok\")]"),
            ("/src/app/Program.cs", """
                public static class P
                {
                    [Sigil.Improve("s", Eval = nameof(Score), Workspace = "w\"1")]
                    public static int M(int x) => x;
                    public static double Score(int x, int result) => result;
                }
                """),
        ], GeneratorHarness.DefaultProperties("/src/my \"app\"")).AssertCompilesCleanly();

        StringAssert.Contains(run.GeneratedSource, "@\"/src/my \"\"app\"\"\"");
        Assert.AreEqual("w\"1", run.PinAttributes.Single()[2].Value);
    }
}
