using Microsoft.CodeAnalysis.Text;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Parsing;
using Sigil.Candidates.Tests.Fixtures;
using Sigil.Candidates.Tests.Support;

namespace Sigil.Candidates.Tests.Applying;

[TestClass]
public sealed class EditApplierTests
{
    [TestMethod]
    public void Apply_ExactSearch_ReplacesOnlyThoseLines()
    {
        var applied = Applied(Answers.Block("        for (var i = 0; i < 40; i++)", "        for (var i = 0; i < 8; i++)"));

        var file = applied.Files.Single();
        Assert.AreEqual(QuickStart.Kernels.Replace("i < 40", "i < 8"), file.After);
        Assert.AreEqual("Kernels.Root(double)", applied.Changes.Single().Target);
        Assert.AreEqual(ChangedPart.Member, applied.Changes.Single().Part);
    }

    [TestMethod]
    public void Apply_SeveralBlocks_AppliesEachToTheTextTheOthersLeft()
    {
        var answer = Answers.Prose(
            Answers.Block("        for (var i = 0; i < 40; i++)", "        for (var i = 0; i < 8; i++)"),
            Answers.Block("        for (var i = 0; i < 8; i++)\n        {", "        for (var i = 0; i < 8; i++)\n        {\n            // Newton step"),
            Answers.Block("        return guess;", "        return guess * 1.0;"));

        var after = Applied(answer).Files.Single().After;

        StringAssert.Contains(after, "        for (var i = 0; i < 8; i++)\n        {\n            // Newton step\n            guess = 0.5");
        StringAssert.Contains(after, "        return guess * 1.0;\n");
    }

    [TestMethod]
    public void Apply_SearchWithOtherIndentation_FallsBackToTrimmedLinesAndReindents()
    {
        var answer = Answers.Block(
            "for (var i = 0; i < 40; i++)\n{\nguess = 0.5 * (guess + x / guess);\n}",
            "for (var i = 0; i < 6; i++)\n{\n    guess = 0.5 * (guess + x / guess);\n}");

        var after = Applied(answer).Files.Single().After;

        StringAssert.Contains(after, "\n        for (var i = 0; i < 6; i++)\n        {\n            guess = 0.5 * (guess + x / guess);\n        }\n        return guess;");
    }

    [TestMethod]
    public void Apply_SearchNotInFile_SearchNotFoundWithTheClosestLines()
    {
        var answer = Answers.Block("        for (int i = 0; i < 50; ++i)\n        {", "        for (var i = 0; i < 8; i++)\n        {");

        var failure = Rejected(answer, CandidateFailureKind.SearchNotFound);

        StringAssert.Contains(failure.Message, "The closest lines (17-18) are:\n```\n        for (var i = 0; i < 40; i++)\n        {\n```");
    }

    [TestMethod]
    public void Apply_SearchMatchingTwiceInThePin_SearchAmbiguous()
    {
        var failure = Rejected(Answers.Block("        {", "        {\n            checked(x++);"), CandidateFailureKind.SearchAmbiguous);

        StringAssert.Contains(failure.Message, "matches 2 places");
        StringAssert.Contains(failure.Message, "lines 13, 18");
    }

    [TestMethod]
    public void Apply_SearchMatchingOnceInThePinAndElsewhere_PinOnlyTakesThePinAndWiderScopeIsAmbiguous()
    {
        var answer = Answers.Block("    {", "    {\n        if (x == 1) return 1;");

        var applied = Applied(answer);
        var wider = EditApplier.Apply(QuickStart.Sources(), QuickStart.RootPin, Edit(answer), new EditOptions { Scope = EditScope.ContainingType });

        StringAssert.Contains(applied.Files.Single().After, "    public static double Root(double x)\n    {\n        if (x == 1) return 1;\n        if (x <= 0)");
        Assert.AreEqual(CandidateFailureKind.SearchAmbiguous, wider.Failure?.Kind);
    }

    [TestMethod]
    public void Apply_EmptySearch_EmptySearch()
    {
        Rejected(Answers.Block("", "    public static int Extra() => 1;"), CandidateFailureKind.EmptySearch);
    }

    [TestMethod]
    public void Apply_BlockNamingAnUnknownFile_UnknownFile()
    {
        var failure = Rejected(Answers.Block("        return guess;", "        return 1;", "src/Nope.cs"), CandidateFailureKind.UnknownFile);

        StringAssert.Contains(failure.Message, QuickStart.Path);
    }

    [TestMethod]
    [DataRow("Kernels.cs")]
    [DataRow("QuickStart/Kernels.cs")]
    [DataRow(@".\samples\QuickStart\Kernels.cs")]
    [DataRow("b/samples/QuickStart/Kernels.cs")]
    public void Apply_BlockNamingThePinFileLoosely_FindsIt(string named)
    {
        var applied = Applied(Answers.Block("        return guess;", "        return guess + 0;", named));

        Assert.AreEqual(QuickStart.Path, applied.Files.Single().Path);
    }

    [TestMethod]
    public void Apply_ResultWithSyntaxError_ParseErrorWithDiagnostics()
    {
        var failure = Rejected(Answers.Block("            guess = 0.5 * (guess + x / guess);", "            guess = 0.5 * (guess + x / guess)"), CandidateFailureKind.ParseError);

        StringAssert.Contains(failure.Message, "samples/QuickStart/Kernels.cs(19,46): error CS1002: ; expected");
    }

    [TestMethod]
    public void Apply_WholeMethod_KeepsDocCommentAttributeAndIndentation()
    {
        var method = QuickStart.RootMethod.Replace("i < 40", "i < 8");

        var applied = Applied(QuickStart.Fenced(method));

        Assert.AreEqual(QuickStart.Kernels.Replace("i < 40", "i < 8"), applied.Files.Single().After);
    }

    [TestMethod]
    public void Apply_WholeMethodIndentedDifferently_ReindentsToTheFile()
    {
        var method = "        public static double Root(double x)\n        {\n          if (x <= 0) return 0;\n          return Math.Sqrt(x);\n        }";

        var after = Applied(QuickStart.Fenced(method)).Files.Single().After;

        StringAssert.Contains(after, "    [Improve(\"quickstart\", Eval = nameof(RootError), Workspace = \"v1\")]\n    public static double Root(double x)\n    {\n      if (x <= 0) return 0;\n      return Math.Sqrt(x);\n    }\n\n    /// <summary>The eval");
    }

    [TestMethod]
    public void Apply_WholeMethodWithItsOwnAttributes_KeepsImproveAndAddsTheRest()
    {
        var method = "[Improve(\"elsewhere\")]\n[MethodImpl(MethodImplOptions.AggressiveInlining)]\n" + QuickStart.RootMethod.Replace("i < 40", "i < 8");

        var applied = Applied(QuickStart.Fenced(method));

        StringAssert.Contains(applied.Files.Single().After,
            "    [Improve(\"quickstart\", Eval = nameof(RootError), Workspace = \"v1\")]\n    [MethodImpl(MethodImplOptions.AggressiveInlining)]\n    public static double Root(double x)\n");
        CollectionAssert.AreEqual(new[] { "Kernels.Root(double)", "Kernels.Root(double) [attributes]" }, applied.Changes.Select(c => c.Target).ToArray());
    }

    [TestMethod]
    public void Apply_WholeMethodWithVerbatimString_LeavesTheStringsLinesAlone()
    {
        var method = "        public static double Root(double x)\n        {\n            var note = @\"a\n  b\";\n            return x + note.Length;\n        }";

        var after = Applied(QuickStart.Fenced(method)).Files.Single().After;

        StringAssert.Contains(after, "        var note = @\"a\n  b\";\n        return x + note.Length;\n");
    }

    [TestMethod]
    [DataRow("public static double Root(float x) => x;", "Root(float)")]
    [DataRow("public static double Sqrt(double x) => x;", "Sqrt(double)")]
    [DataRow("public static float Root(double x) => 0f;", "float Root")]
    [DataRow("private static double Root(double x) => x;", "private static")]
    [DataRow("public double Root(double x) => x;", "`public double Root(double)`")]
    [DataRow("public static double Root(ref double x) => x;", "Root(ref double)")]
    [DataRow("public static double Root<T>(double x) => x;", "Root<1>(double)")]
    public void Apply_WholeMethodWithOtherSignature_SignatureChanged(string method, string shown)
    {
        var failure = Rejected(QuickStart.Fenced(method), CandidateFailureKind.SignatureChanged);

        StringAssert.Contains(failure.Message, "from `public static double Root(double)`");
        StringAssert.Contains(failure.Message, shown);
    }

    [TestMethod]
    public void Apply_WholeMethodWithOtherParameterNameAndAsyncFreeBody_Applies()
    {
        var applied = Applied(QuickStart.Fenced("public static double Root(double value) => Math.Sqrt(Math.Max(value, 0));"));

        StringAssert.Contains(applied.Files.Single().After, "    public static double Root(double value) => Math.Sqrt(Math.Max(value, 0));\n\n    /// <summary>The eval");
    }

    [TestMethod]
    public void Apply_SearchReplaceAddingAParameter_SignatureChanged()
    {
        var failure = Rejected(Answers.Block("    public static double Root(double x)", "    public static double Root(double x, int steps = 8)"), CandidateFailureKind.SignatureChanged);

        StringAssert.Contains(failure.Message, "removes or renames the pinned method `public static double Root(double)`");
    }

    [TestMethod]
    public void Apply_SearchReplaceChangingTheReturnType_SignatureChanged()
    {
        var failure = Rejected(Answers.Block("    public static double Root(double x)", "    public static decimal Root(double x)"), CandidateFailureKind.SignatureChanged);

        StringAssert.Contains(failure.Message, "to `public static decimal Root(double)`");
    }

    [TestMethod]
    public void Apply_SearchReplaceChangingImprove_PinAttributeChanged()
    {
        var answer = Answers.Block(
            "    [Improve(\"quickstart\", Eval = nameof(RootError), Workspace = \"v1\")]",
            "    [Improve(\"quickstart\", Eval = nameof(RootError), Workspace = \"v2\")]");

        Rejected(answer, CandidateFailureKind.PinAttributeChanged);
    }

    [TestMethod]
    public void Apply_SearchReplaceRemovingImprove_PinAttributeChanged()
    {
        Rejected(Answers.Block("    [Improve(\"quickstart\", Eval = nameof(RootError), Workspace = \"v1\")]\n    public static double Root(double x)", "    public static double Root(double x)"),
            CandidateFailureKind.PinAttributeChanged);
    }

    [TestMethod]
    public void Apply_OtherMemberOfTheType_OutOfScopeByDefaultAllowedWithContainingType()
    {
        var answer = Answers.Block("        long expected = 0;", "        var expected = 0L;");

        var failure = Rejected(answer, CandidateFailureKind.OutOfScope);
        var wider = EditApplier.Apply(QuickStart.Sources(), QuickStart.RootPin, Edit(answer), new EditOptions { Scope = EditScope.ContainingType });

        StringAssert.Contains(failure.Message, "Kernels.SumIsExact(int[],long)");
        StringAssert.Contains(failure.Message, "only the pinned method Kernels.Root(double) may change");
        Assert.AreEqual("Kernels.SumIsExact(int[],long)", ((AppliedEdit)wider).Changes.Single().Target);
    }

    [TestMethod]
    public void Apply_NewHelperAndUsing_AllowedWithContainingTypeOnly()
    {
        var answer = Answers.Prose(
            Answers.Block("using Sigil;", "using System.Runtime.CompilerServices;\nusing Sigil;"),
            Answers.Block("        return guess;\n    }", "        return Finish(guess);\n    }\n\n    private static double Finish(double value) => value;"));

        Rejected(answer, CandidateFailureKind.OutOfScope);
        var result = EditApplier.Apply(QuickStart.Sources(), QuickStart.RootPin, Edit(answer), new EditOptions { Scope = EditScope.ContainingType });
        Assert.IsInstanceOfType<AppliedEdit>(result, result.Failure?.ToString());
        var applied = (AppliedEdit)result;

        CollectionAssert.AreEqual(
            new[] { "Kernels [type]", "Kernels.Finish(double)", "Kernels.Root(double)", "samples/QuickStart/Kernels.cs [usings]" },
            applied.Changes.Select(c => c.Target).ToArray());
        Assert.IsTrue(applied.Changes.Single(c => c.Target == "Kernels.Finish(double)").IsAdded);
    }

    [TestMethod]
    public void Apply_CommentAddedOutsideThePin_OutOfScopeWhenThePinChangesToo()
    {
        var answer = Answers.Prose(
            Answers.Block("        return guess;", "        return guess + 0.0;"),
            Answers.Block("    /// <summary>Sum of squares through LINQ.</summary>", "    /// <summary>Sum of squares through LINQ (slow).</summary>"));

        Rejected(answer, CandidateFailureKind.OutOfScope);
    }

    [TestMethod]
    public void Apply_TwoFiles_OnlyWithProjectScope()
    {
        var edit = Edit(MiniProject.TwoFileAnswer);

        var pinOnly = EditApplier.Apply(MiniProject.Sources(), MiniProject.Pin, edit);
        var type = EditApplier.Apply(MiniProject.Sources(), MiniProject.Pin, edit, new EditOptions { Scope = EditScope.ContainingType });
        var project = (AppliedEdit)EditApplier.Apply(MiniProject.Sources(), MiniProject.Pin, edit, new EditOptions { Scope = EditScope.Project });

        Assert.AreEqual(CandidateFailureKind.OutOfScope, pinOnly.Failure?.Kind);
        StringAssert.Contains(pinOnly.Failure!.Message, "the file src/Geometry/Vector.cs");
        Assert.AreEqual(CandidateFailureKind.OutOfScope, type.Failure?.Kind);
        CollectionAssert.AreEqual(new[] { MiniProject.VectorPath, MiniProject.MathPath }, project.Files.Select(f => f.Path).ToArray());
        CollectionAssert.AreEqual(
            new[] { "Vector [type]", "Vector.Length", "Vector.LengthSquared", MiniProject.Pin.QualifiedName },
            project.Changes.Select(c => c.Target).ToArray());
    }

    [TestMethod]
    public void Apply_CrlfFileAndCrlfAnswer_KeepsCrlf()
    {
        var crlf = QuickStart.Kernels.Replace("\n", "\r\n");
        var answer = Answers.Block("        for (var i = 0; i < 40; i++)\n        {\n", "        for (var i = 0; i < 8; i++)\n        {\n").Replace("\n", "\r\n");

        var applied = (AppliedEdit)EditApplier.Apply(QuickStart.Sources(crlf), QuickStart.RootPin, Edit(answer));

        Assert.AreEqual(crlf.Replace("i < 40", "i < 8"), applied.Files.Single().After);
    }

    [TestMethod]
    public void Apply_CrlfFileAndWholeMethod_NewLinesUseCrlf()
    {
        var crlf = QuickStart.Kernels.Replace("\n", "\r\n");

        var applied = (AppliedEdit)EditApplier.Apply(QuickStart.Sources(crlf), QuickStart.RootPin, Edit(QuickStart.Fenced(QuickStart.RootMethod.Replace("40", "8"))));

        Assert.AreEqual(crlf.Replace("i < 40", "i < 8"), applied.Files.Single().After);
    }

    [TestMethod]
    public void Apply_PinGivenBySpanOnly_UsesTheSyntacticQualname()
    {
        var span = new TextSpan(QuickStart.Kernels.IndexOf("Root(double x)", StringComparison.Ordinal), 0);

        var applied = (AppliedEdit)EditApplier.Apply(QuickStart.Sources(), new PinTarget(QuickStart.Path, Span: span), Edit(QuickStart.Fenced(QuickStart.RootMethod.Replace("40", "8"))));

        Assert.AreEqual("Kernels.Root(double)", applied.PinPatchTarget);
    }

    [TestMethod]
    public void Apply_ExpressionBodiedPin_ReplacesIt()
    {
        var method = "public static long SumOfSquares(int[] values)\n{\n    long sum = 0;\n    foreach (var v in values)\n    {\n        sum += (long)v * v;\n    }\n    return sum;\n}";

        var applied = (AppliedEdit)EditApplier.Apply(QuickStart.Sources(), QuickStart.SumOfSquaresPin, Edit(QuickStart.Fenced(method)));

        StringAssert.Contains(applied.Files.Single().After, "    [Improve(\"quickstart\", Eval = nameof(SumIsExact), Workspace = \"v1\")]\n    public static long SumOfSquares(int[] values)\n    {\n        long sum = 0;\n");
    }

    [TestMethod]
    [DataRow("Kernels.Missing(double)")]
    [DataRow("Kernels.Root(float)")]
    [DataRow("Other.Root(double)")]
    public void Apply_PinNotInItsFile_Throws(string qualname)
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() =>
            EditApplier.Apply(QuickStart.Sources(), new PinTarget(QuickStart.Path, qualname), Edit(QuickStart.Fenced(QuickStart.RootMethod))));

        StringAssert.Contains(error.Message, "Kernels.Root(double)");
    }

    [TestMethod]
    public void Apply_PinFileNotInSources_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() =>
            EditApplier.Apply(QuickStart.Sources(), new PinTarget("Other.cs", "Kernels.Root(double)"), Edit(QuickStart.Fenced(QuickStart.RootMethod))));
    }

    [TestMethod]
    public void Apply_OtherTypeInThePinsFile_OutOfScopeEvenWithContainingType()
    {
        var text = QuickStart.Kernels + "\ninternal static class Helpers\n{\n    public static int Steps => 40;\n}\n";
        var answer = Answers.Block("    public static int Steps => 40;", "    public static int Steps => 8;");

        var result = EditApplier.Apply(QuickStart.Sources(text), QuickStart.RootPin, Edit(answer), new EditOptions { Scope = EditScope.ContainingType });

        Assert.AreEqual(CandidateFailureKind.OutOfScope, result.Failure?.Kind);
        StringAssert.Contains(result.Failure!.Message, "Helpers.Steps");
        StringAssert.Contains(result.Failure.Message, "only the members of Kernels");
    }

    [TestMethod]
    public void Apply_MethodReplacementThatIsNotOneMethod_NotOneMethod()
    {
        var result = EditApplier.Apply(QuickStart.Sources(), QuickStart.RootPin, new MethodReplacementEdit("public int X;"));

        Assert.AreEqual(CandidateFailureKind.NotOneMethod, result.Failure?.Kind);
    }

    [TestMethod]
    public void Apply_SameEditTwice_EqualResults()
    {
        var answer = Answers.Block("        return guess;", "        return guess + 0;");

        Assert.AreEqual(Edit(answer), Edit(answer));
        Assert.AreEqual(Applied(answer), Applied(answer));
    }

    internal static ProposedEdit Edit(string answer) => (ProposedEdit)EditParser.Parse(answer);

    private static AppliedEdit Applied(string answer)
    {
        var result = EditApplier.Apply(QuickStart.Sources(), QuickStart.RootPin, Edit(answer));
        Assert.IsInstanceOfType<AppliedEdit>(result, result.Failure?.ToString());
        return (AppliedEdit)result;
    }

    private static CandidateFailure Rejected(string answer, CandidateFailureKind kind)
    {
        var result = EditApplier.Apply(QuickStart.Sources(), QuickStart.RootPin, Edit(answer));
        Assert.AreEqual(kind, result.Failure?.Kind, result.Failure?.Message ?? "applied");
        Assert.IsInstanceOfType<EditRejected>(result);
        return result.Failure!;
    }
}
