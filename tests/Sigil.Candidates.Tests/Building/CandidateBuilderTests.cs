using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Candidates.Applying;
using Sigil.Candidates.Building;
using Sigil.Candidates.Tests.Fixtures;
using Sigil.Candidates.Tests.Support;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;

namespace Sigil.Candidates.Tests.Building;

[TestClass]
public sealed class CandidateBuilderTests
{
    private static readonly string EightSteps = QuickStart.Fenced(QuickStart.RootMethod.Replace("i < 40", "i < 8"));

    [TestMethod]
    public void Build_WholeMethod_IdIsComputedFromDiffAndPatch()
    {
        var candidate = Built(EightSteps);

        Assert.AreEqual(CandidateId.Compute(candidate.Diff, candidate.AstPatch), candidate.Id);
        Assert.AreEqual(Blake3Digest.Hex(candidate.AstPatch), candidate.NormalizedKey);
        Assert.AreEqual(CandidateBuilder.ComputeNormalizedKey(candidate.AstPatch), candidate.NormalizedKey);
        StringAssert.StartsWith(candidate.Diff, "--- a/samples/QuickStart/Kernels.cs\n+++ b/samples/QuickStart/Kernels.cs\n@@ -14,7 +14,7 @@\n");
        StringAssert.Contains(candidate.Diff, "\n-        for (var i = 0; i < 40; i++)\n+        for (var i = 0; i < 8; i++)\n");
    }

    [TestMethod]
    public void Build_WholeMethod_PatchHasThePinsQualnameAndNormalizedMethods()
    {
        var candidate = Built(EightSteps);

        var original = Method(QuickStart.Kernels, "Root");
        var replaced = Method(candidate.NewSources[QuickStart.Path], "Root");
        var expected = new AstPatch()
            .Replace("Kernels.Root(double)", AbiNormalizer.NormalizeMethod(original), AbiNormalizer.NormalizeMethod(replaced))
            .ToCanonicalString();
        Assert.AreEqual(expected, candidate.AstPatch);
        StringAssert.Contains(candidate.AstPatch, "for ( var i = 0 ; i < 8 ; i ++ )");
    }

    [TestMethod]
    public void Build_Diff_GitApplyReproducesTheNewText()
    {
        var answer = Answers.Prose(
            Answers.Block("        if (x <= 0)\n        {\n            return 0;\n        }", "        if (x <= 0) return 0;"),
            Answers.Block("        return guess;", "        return guess; // converged"));
        var candidate = Built(answer);

        var applied = GitApply.Run(QuickStart.Sources(), candidate.Diff);

        Assert.AreEqual(candidate.NewSources[QuickStart.Path], applied[QuickStart.Path]);
    }

    [TestMethod]
    public void Build_TwoFiles_OneDiffSectionPerFileSortedByPathAndGitApplyReproducesBoth()
    {
        var result = CandidateBuilder.Build(MiniProject.Sources(), MiniProject.Pin, MiniProject.TwoFileAnswer, new EditOptions { Scope = EditScope.Project });
        Assert.IsInstanceOfType<Candidate>(result, result.Failure?.ToString());
        var candidate = (Candidate)result;

        var applied = GitApply.Run(MiniProject.Sources(), candidate.Diff);

        var headers = candidate.Diff.Split('\n').Where(l => l.StartsWith("--- ", StringComparison.Ordinal)).ToArray();
        CollectionAssert.AreEqual(new[] { "--- a/src/Geometry/Vector.cs", "--- a/src/Geometry/VectorMath.cs" }, headers);
        CollectionAssert.AreEquivalent(candidate.ApplyTo(MiniProject.Sources()).ToArray(), applied.ToArray());
        StringAssert.Contains(applied[MiniProject.VectorPath], "public double LengthSquared => X * X + Y * Y + Z * Z;");
        StringAssert.Contains(candidate.AstPatch, "replace VectorMath.TotalLength(System.Collections.Generic.List<Geometry.Vector>)\n");
        StringAssert.Contains(candidate.AstPatch, "replace Vector.LengthSquared\nbefore b3:" + Blake3Digest.Hex(""));
    }

    [TestMethod]
    public void Build_SameCodeWithOtherCommentsAndLayout_SameNormalizedKeyOtherId()
    {
        var plain = Built(Answers.Block("        for (var i = 0; i < 40; i++)", "        for (var i = 0; i < 8; i++)"));
        var commented = Built(Answers.Block("        for (var i = 0; i < 40; i++)", "        // Eight Newton steps are enough in double precision.\n        for (var i = 0;\n             i < 8;\n             i++)   /* ! */"));
        var whole = Built(EightSteps);

        Assert.AreEqual(plain.NormalizedKey, commented.NormalizedKey);
        Assert.AreEqual(plain.NormalizedKey, whole.NormalizedKey);
        Assert.AreNotEqual(plain.Id, commented.Id);
        Assert.AreEqual(plain.Id, whole.Id);
    }

    [TestMethod]
    public void Build_DifferentCode_DifferentNormalizedKey()
    {
        var eight = Built(EightSteps);
        var six = Built(QuickStart.Fenced(QuickStart.RootMethod.Replace("i < 40", "i < 6")));
        var literal = Built(QuickStart.Fenced(QuickStart.RootMethod.Replace("i < 40", "i < 8").Replace("0.5 *", "0.50 *")));

        Assert.AreEqual(3, new[] { eight.NormalizedKey, six.NormalizedKey, literal.NormalizedKey }.Distinct().Count());
    }

    [TestMethod]
    public void Build_AttributeOnlyChange_IsAChangeWithItsOwnKey()
    {
        var inlined = Built(QuickStart.Fenced("[MethodImpl(MethodImplOptions.AggressiveInlining)]\n" + QuickStart.RootMethod));
        var optimized = Built(QuickStart.Fenced("[MethodImpl(MethodImplOptions.AggressiveOptimization)]\n" + QuickStart.RootMethod));

        Assert.AreNotEqual(inlined.NormalizedKey, optimized.NormalizedKey);
        Assert.AreEqual("Kernels.Root(double) [attributes]", inlined.Changes.Single().Target);
    }

    [TestMethod]
    public void Build_SearchEqualsReplace_NoChange()
    {
        var failure = Rejected(Answers.Block("        return guess;", "        return guess;"), CandidateFailureKind.NoChange);

        StringAssert.Contains(failure.Message, "changes nothing");
    }

    [TestMethod]
    public void Build_OnlyWhitespaceAndComments_NoChange()
    {
        var answer = Answers.Block(
            "        for (var i = 0; i < 40; i++)\n        {\n            guess = 0.5 * (guess + x / guess);\n        }",
            "        // Newton's method.\n        for (var i = 0; i < 40; i++) { guess = 0.5 * (guess + x / guess); }");

        var failure = Rejected(answer, CandidateFailureKind.NoChange);

        StringAssert.Contains(failure.Message, "only whitespace or comments");
    }

    [TestMethod]
    public void Build_WholeMethodIdenticalToTheOriginal_NoChange()
    {
        Rejected(QuickStart.Fenced(QuickStart.RootMethod), CandidateFailureKind.NoChange);
    }

    [TestMethod]
    public void Build_UnusableAnswerOrRejectedEdit_CarriesTheFailure()
    {
        Rejected("I cannot improve this.", CandidateFailureKind.NoEditFound);
        Rejected(Answers.Block("nothing like this", "x"), CandidateFailureKind.SearchNotFound);
    }

    [TestMethod]
    public void Build_RandomWhitespaceReformattings_NormalizedKeyIsConstant()
    {
        var method = QuickStart.RootMethod.Replace("i < 40", "i < 8");
        var tokens = SyntaxFactory.ParseMemberDeclaration(method)!.DescendantTokens().Select(t => t.Text).ToList();
        string[] gaps = [" ", "  ", "\t", "\n", "\n    ", "\n\n        ", " \n  \t"];
        var random = new Random(20240601);
        var reference = Built(QuickStart.Fenced(method));
        var ids = new HashSet<CandidateId>();

        for (var i = 0; i < 200; i++)
        {
            var reformatted = string.Concat(tokens.Select((token, index) => index == 0 ? token : gaps[random.Next(gaps.Length)] + token));
            var candidate = Built(QuickStart.Fenced(reformatted));

            Assert.AreEqual(reference.NormalizedKey, candidate.NormalizedKey, reformatted);
            Assert.AreEqual(reference.AstPatch, candidate.AstPatch);
            ids.Add(candidate.Id);
        }
        Assert.IsGreaterThan(150, ids.Count);
    }

    private static MethodDeclarationSyntax Method(string source, string name) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == name);

    private static Candidate Built(string answer)
    {
        var result = CandidateBuilder.Build(QuickStart.Sources(), QuickStart.RootPin, answer);
        Assert.IsInstanceOfType<Candidate>(result, result.Failure?.ToString());
        return (Candidate)result;
    }

    private static CandidateFailure Rejected(string answer, CandidateFailureKind kind)
    {
        var result = CandidateBuilder.Build(QuickStart.Sources(), QuickStart.RootPin, answer);
        Assert.AreEqual(kind, result.Failure?.Kind, result.Failure?.Message ?? "built");
        Assert.IsInstanceOfType<CandidateRejected>(result);
        return result.Failure!;
    }
}
