using Microsoft.CodeAnalysis;
using Sigil.Generators.Tests.Infrastructure;

namespace Sigil.Generators.Tests.Diagnostics;

/// <summary>SIGIL001-SIGIL007: each reported where it should be, with a message that says how to fix it, and not otherwise.</summary>
[TestClass]
public sealed class SigilDiagnosticsTests
{
    private static GeneratorRun Run(string source) => GeneratorHarness.RunWithSpec(source);

    /// <summary>The single generator diagnostic; the rest of the project still compiles.</summary>
    private static Diagnostic Single(string source, string id, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var run = Run(source);
        var diagnostic = run.GeneratorDiagnostics.SingleOrDefault()
            ?? throw new AssertFailedException("Expected one diagnostic, got " + run.GeneratorDiagnostics.Length + ": " + string.Join("\n", run.GeneratorDiagnostics));
        Assert.AreEqual(id, diagnostic.Id, diagnostic.ToString());
        Assert.AreEqual(severity, diagnostic.Severity);
        Assert.AreEqual("Sigil", diagnostic.Descriptor.Category);
        Assert.IsTrue(diagnostic.Location.IsInSource, "diagnostic has a source location");
        Assert.AreEqual(0, run.CompileProblems.Count, string.Join("\n", run.CompileProblems));
        return diagnostic;
    }

    private static void AssertClean(string source) => Run(source).AssertCompilesCleanly();

    private static string Pin(string attribute, string members = "public static double Score(int x, int result) => result;") => $$"""
        namespace App;
        public sealed class Calc
        {
            {{attribute}}
            public static int Square(int x) => x * x;
            {{members}}
            public static int Use() => Square(2);
        }
        """;

    [TestMethod]
    public void Sigil001_EvalNotOnPinType_IsReportedOnTheEvalArgument()
    {
        var diagnostic = Single(Pin("[Sigil.Improve(\"quickstart\", Eval = \"Missing\")]"), "SIGIL001");

        StringAssert.Contains(diagnostic.GetMessage(), "'static double Missing(int x, int result)'");
        StringAssert.Contains(diagnostic.GetMessage(), "EvalType");
        Assert.AreEqual(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [TestMethod]
    public void Sigil001_EvalNotOnEvalType_NamesTheSearchedType()
    {
        var source = Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Score), EvalType = typeof(Other))]") + "\npublic static class Other { }";

        var diagnostic = Single(source, "SIGIL001");

        StringAssert.Contains(diagnostic.GetMessage(), "'App.Other'");
    }

    [TestMethod]
    public void Sigil001_EvalOnEvalType_IsNotReported()
    {
        AssertClean(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Other.Rate), EvalType = typeof(Other))]", "")
            + "\npublic static class Other { public static int Rate(int x, int result) => result; }");
    }

    [TestMethod]
    [DataRow("public double Score(int x, int result) => result;", "it is not static")]
    [DataRow("public static double Score(int x) => x;", "it takes 1 parameter(s), not 2")]
    [DataRow("public static double Score(long x, int result) => result;", "parameter 'x' is 'long', not 'int'")]
    [DataRow("public static string Score(int x, int result) => \"\";", "it returns 'string'")]
    [DataRow("public static double Score<T>(int x, int result) => result;", "it is generic")]
    [DataRow("public static double Score(int x, ref int result) => result;", "parameter 'result' is not passed by value")]
    public void Sigil002_WrongEvalSignature_SaysTheExpectedSignature(string eval, string problem)
    {
        var diagnostic = Single(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]", eval), "SIGIL002");

        StringAssert.Contains(diagnostic.GetMessage(), "expected 'static double Score(int x, int result)'");
        StringAssert.Contains(diagnostic.GetMessage(), problem);
    }

    [TestMethod]
    [DataRow("public static double Score(int x, int result) => result;")]
    [DataRow("public static bool Score(int x, int result) => true;")]
    [DataRow("public static float Score(int x, int result) => 1f;")]
    [DataRow("public static long Score(int x, int result) => 1L;")]
    [DataRow("public static decimal Score(int x, int result) => 1m;")]
    [DataRow("private static int Score(int x, int result) => 1;")]
    [DataRow("public static double Score(string s) => 0; public static double Score(int x, int result) => result;")]
    public void Sigil002_AcceptedEvalSignatures_AreNotReported(string eval)
    {
        AssertClean(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]", eval));
    }

    [TestMethod]
    public void Sigil002_VoidPinEvalTakingAResult_IsReported()
    {
        var diagnostic = Single("""
            public static class Log
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static void Write(string message) { }
                public static double Score(string message, int result) => 0;
            }
            """, "SIGIL002");

        StringAssert.Contains(diagnostic.GetMessage(), "'static double Score(string message)'");
    }

    [TestMethod]
    public void Sigil002_AsyncPinEvalTakesTheAwaitedResult()
    {
        var diagnostic = Single("""
            using System.Threading.Tasks;
            public static class Io
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static Task<int> ReadAsync(int id) => Task.FromResult(id);
                public static double Score(int id, Task<int> result) => 0;
            }
            """, "SIGIL002");

        StringAssert.Contains(diagnostic.GetMessage(), "'static double Score(int id, int result)'");
    }

    [TestMethod]
    public void Sigil003_UndeclaredSpec_ListsTheDeclaredSpecs()
    {
        var diagnostic = Single(Pin("[Sigil.Improve(\"quickstrat\", Eval = nameof(Score))]"), "SIGIL003");

        StringAssert.Contains(diagnostic.GetMessage(), "'quickstrat'");
        StringAssert.Contains(diagnostic.GetMessage(), "[assembly: Sigil.Spec(\"quickstrat\")]");
        StringAssert.Contains(diagnostic.GetMessage(), "declared: quickstart");
    }

    [TestMethod]
    public void Sigil003_NoSpecDeclared_SaysNoneIsDeclared()
    {
        var run = GeneratorHarness.Run(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]"));

        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.AreEqual("SIGIL003", diagnostic.Id);
        StringAssert.Contains(diagnostic.GetMessage(), "none is declared");
        Assert.IsNull(run.GeneratedSource);
    }

    [TestMethod]
    [DataRow("System.Func<int, int> f = Calc.Square;")]
    [DataRow("var f = new System.Func<int, int>(Calc.Square);")]
    [DataRow("var squares = System.Linq.Enumerable.Select(new[] { 1 }, Calc.Square);")]
    [DataRow("System.Linq.Expressions.Expression<System.Func<int>> e = () => Calc.Square(2);")]
    public void Sigil004_PinUsedOtherThanByACall_IsAWarning(string statement)
    {
        var diagnostic = Single(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]") + $$"""

            public static class Elsewhere
            {
                public static void M()
                {
                    {{statement}}
                }
            }
            """, "SIGIL004", DiagnosticSeverity.Warning);

        StringAssert.Contains(diagnostic.GetMessage(), "not routed");
        StringAssert.Contains(diagnostic.GetMessage(), "call it directly");
        Assert.AreEqual(12, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [TestMethod]
    [DataRow("_ = nameof(Calc.Square);")]
    [DataRow("_ = Calc.Square(3);")]
    [DataRow("System.Func<int, int> f = x => Calc.Square(x);")]
    public void Sigil004_NameofCallsAndLambdas_AreNotReported(string statement)
    {
        AssertClean(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Score))]") + $$"""

            public static class Elsewhere
            {
                public static void M()
                {
                    {{statement}}
                }
            }
            """);
    }

    [TestMethod]
    [DataRow("public static T Echo<T>(T value) => value;", "generic method")]
    [DataRow("public static int Echo(ref int value) => value;", "passed by reference (ref)")]
    [DataRow("public static int Echo(out int value) { value = 1; return 1; }", "passed by reference (out)")]
    [DataRow("public static int Echo(in int value) => value;", "passed by reference (in)")]
    [DataRow("public static int Echo(ref readonly int value) => value;", "passed by reference (ref readonly)")]
    [DataRow("public static int Echo(params System.ReadOnlySpan<int> values) => values.Length;", "ref struct")]
    [DataRow("public static System.Span<int> Echo(int[] values) => values;", "ref struct")]
    [DataRow("public static ref int Echo(int[] values) => ref values[0];", "returns by reference")]
    [DataRow("public static extern int Echo(int value);", "extern")]
    public void Sigil005_UnsupportedMethodShape_SaysWhichAndSuggestsAWrapper(string method, string which)
    {
        var diagnostic = Single($$"""
            public static class Shapes
            {
                [Sigil.Improve("quickstart", Eval = "Score")]
                {{method}}
            }
            """, "SIGIL005");

        StringAssert.Contains(diagnostic.GetMessage(), which);
        StringAssert.Contains(diagnostic.GetMessage(), "wrapper");
    }

    [TestMethod]
    [DataRow("public static class Box<T> { [Sigil.Improve(\"quickstart\", Eval = \"S\")] public static int M(int x) => x; }", "containing type 'Box' is generic")]
    [DataRow("public struct Point { [Sigil.Improve(\"quickstart\", Eval = \"S\")] public int M(int x) => x; }", "instance method of a struct")]
    [DataRow("public abstract class Base { [Sigil.Improve(\"quickstart\", Eval = \"S\")] public abstract int M(int x); }", "abstract")]
    [DataRow("public partial class Part { [Sigil.Improve(\"quickstart\", Eval = \"S\")] partial void M(int x); }", "partial method without a body")]
    [DataRow("public interface IShape { [Sigil.Improve(\"quickstart\", Eval = \"S\")] int M(int x) => x; }", "instance method of an interface")]
    [DataRow("public static class Host { public static int Run() { [Sigil.Improve(\"quickstart\", Eval = \"S\")] static int Local(int x) => x; return Local(1); } }", "local function")]
    [DataRow("file static class Hidden { [Sigil.Improve(\"quickstart\", Eval = \"S\")] public static int M(int x) => x; }", "file-local")]
    public void Sigil005_UnsupportedContainingShape_IsReported(string source, string which)
    {
        var diagnostic = Single(source, "SIGIL005");

        StringAssert.Contains(diagnostic.GetMessage(), which);
    }

    [TestMethod]
    public void Sigil005_InvalidPin_GetsNoInterceptorAndTheProjectStillCompiles()
    {
        var run = Run("""
            public static class Shapes
            {
                [Sigil.Improve("quickstart", Eval = nameof(Score))]
                public static T Echo<T>(T value) => value;
                public static double Score(int value, int result) => 0;
                public static int Use() => Echo(1);
            }
            """);

        Assert.AreEqual("SIGIL005", run.GeneratorDiagnostics.Single().Id);
        Assert.AreEqual(0, run.CompileProblems.Count);
        Assert.AreEqual(0, run.InterceptedCalls);
        Assert.AreEqual(0, run.FunctionIds.Count);
    }

    [TestMethod]
    [DataRow("", "the name is empty")]
    [DataRow("my spec", "contains ' '")]
    [DataRow("spec/1", "contains '/'")]
    [DataRow("..", "only dots")]
    public void Sigil006_InvalidSpecName_IsReported(string name, string problem)
    {
        var run = GeneratorHarness.Run($$"""[assembly: Sigil.Spec("{{name}}")]""");

        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.AreEqual("SIGIL006", diagnostic.Id);
        StringAssert.Contains(diagnostic.GetMessage(), problem);
        StringAssert.Contains(diagnostic.GetMessage(), "letters, digits");
    }

    [TestMethod]
    public void Sigil006_SpecDeclaredTwice_ReportsTheSecondDeclaration()
    {
        var run = GeneratorHarness.Run(
        [
            ("/src/app/A.cs", "[assembly: Sigil.Spec(\"quickstart\")]"),
            ("/src/app/B.cs", "[assembly: Sigil.Spec(\"other\")]\n[assembly: Sigil.Spec(\"quickstart\", Description = \"again\")]"),
        ]);

        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.AreEqual("SIGIL006", diagnostic.Id);
        StringAssert.Contains(diagnostic.GetMessage(), "already declared");
        Assert.AreEqual("/src/app/B.cs", diagnostic.Location.GetLineSpan().Path);
        StringAssert.Contains(run.GeneratedSource, "new(\"quickstart\", \"\", false), new(\"other\", \"\", false)");
    }

    [TestMethod]
    [DataRow("a")]
    [DataRow("Quick-Start_2.v1")]
    public void Sigil006_ValidSpecNames_AreNotReported(string name)
    {
        GeneratorHarness.Run($$"""[assembly: Sigil.Spec("{{name}}")]""").AssertCompilesCleanly();
    }

    [TestMethod]
    public void Sigil007_PinWithoutEval_ShowsAnExampleEval()
    {
        var diagnostic = Single(Pin("[Sigil.Improve(\"quickstart\")]"), "SIGIL007");

        StringAssert.Contains(diagnostic.GetMessage(), "Eval = nameof(Score)");
        StringAssert.Contains(diagnostic.GetMessage(), "'static double Score(int x, int result)'");
    }

    [TestMethod]
    public void Sigil007_EmptyEval_IsReported()
    {
        Single(Pin("[Sigil.Improve(\"quickstart\", Eval = \"\")]"), "SIGIL007");
    }
    [TestMethod]
    public void Sigil001_NameofAMissingEval_SaysWhatToDeclareNextToTheCompilerError()
    {
        var run = Run(Pin("[Sigil.Improve(\"quickstart\", Eval = nameof(Missing))]"));

        Assert.AreEqual("SIGIL001", run.GeneratorDiagnostics.Single().Id);
        StringAssert.Contains(run.GeneratorDiagnostics.Single().GetMessage(), "'static double Missing(int x, int result)'");
        Assert.IsTrue(run.CompileProblems.Any(d => d.Id == "CS0103"));
        Assert.AreEqual(0, run.InterceptedCalls);
    }

    [TestMethod]
    public void Sigil003_SpecArgumentThatDoesNotCompile_LeavesTheErrorToTheCompiler()
    {
        var run = Run(Pin("[Sigil.Improve(Specs.Missing, Eval = nameof(Score))]"));

        Assert.AreEqual(0, run.GeneratorDiagnostics.Length, string.Join("\n", run.GeneratorDiagnostics));
        Assert.IsTrue(run.CompileProblems.Any(d => d.Severity == DiagnosticSeverity.Error));
        Assert.AreEqual(0, run.InterceptedCalls);
    }
}
