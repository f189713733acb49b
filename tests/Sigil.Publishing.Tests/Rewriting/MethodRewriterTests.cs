using Sigil.Publishing.Rewriting;
using Sigil.Publishing.Tests.Support;

namespace Sigil.Publishing.Tests.Rewriting;

[TestClass]
public sealed class MethodRewriterTests
{
    private static readonly string Kernels = SampleSources.Kernels;

    [TestMethod]
    public void Rewrite_ApprovedAtColumnZero_ReplacesOnlyTheDeclarationReindented()
    {
        var after = MethodRewriter.Rewrite(Kernels, Requests.Root());

        Assert.AreEqual(Kernels.Replace(SampleSources.RootBefore, SampleSources.RootAfter), after);
        Assert.AreNotEqual(Kernels, after);
    }

    [TestMethod]
    public void Rewrite_ApprovedWithOwnDocCommentAndImprove_KeepsTheOriginalOnes()
    {
        var after = MethodRewriter.Rewrite(Kernels, Requests.Root());

        StringAssert.Contains(after, "    /// <summary>Square root by Newton's method.</summary>\n    /// <param name=\"x\">A non-negative number.</param>\n    [Improve]   // pinned: measured by Sigil\n    public static double Root(double x)\n");
        Assert.IsFalse(after.Contains("Changed documentation", StringComparison.Ordinal));
        Assert.IsFalse(after.Contains("other settings", StringComparison.Ordinal));
    }

    [TestMethod]
    public void RewriteAll_TwoPinsInOneFile_RewritesBothAndNothingElse()
    {
        var after = MethodRewriter.RewriteAll(Kernels, [Requests.Root(), Requests.Sum()]);

        Assert.AreEqual(SampleSources.KernelsWithBoth, after);
    }

    [TestMethod]
    public void Rewrite_CrlfFile_KeepsCrlfEverywhere()
    {
        var crlf = Kernels.Replace("\n", "\r\n");

        var after = MethodRewriter.Rewrite(crlf, Requests.Root());

        Assert.AreEqual(Kernels.Replace(SampleSources.RootBefore, SampleSources.RootAfter).Replace("\n", "\r\n"), after);
    }

    [TestMethod]
    public void Rewrite_ApprovedAlreadyInPlace_ReturnsTheSameText()
    {
        var pin = new PinRewrite(SampleSources.KernelsPath, SampleSources.CubePin, SampleSources.CubeUnchanged, "diff://b3:cube", "Cube: same");

        Assert.AreEqual(Kernels, MethodRewriter.Rewrite(Kernels, pin));
    }

    [TestMethod]
    [DataRow("public static float Root(double x) { return 1f; }", DisplayName = "return type")]
    [DataRow("public double Root(double x) { return 1; }", DisplayName = "instance instead of static")]
    [DataRow("public static double Root<T>(double x) { return 1; }", DisplayName = "generic arity")]
    [DataRow("public static double Root(float x) { return 1; }", DisplayName = "parameter type")]
    [DataRow("public static double Sqrt(double x) { return 1; }", DisplayName = "name")]
    [DataRow("public static double Root(double x) { return 1; ", DisplayName = "does not parse")]
    [DataRow("public static double Root(double x) => 1; public static int Two() => 2;", DisplayName = "two methods")]
    public void Rewrite_ApprovedDoesNotFitThePin_RefusesCandidateDoesNotApply(string approved)
    {
        var refused = Assert.ThrowsExactly<PublishRefusedException>(() => MethodRewriter.Rewrite(Kernels, Requests.Root(approved)));

        Assert.AreEqual(RefusalReasons.CandidateDoesNotApply, refused.Reason);
        StringAssert.Contains(refused.Message, "Candidate diff://b3:root1111 no longer applies to Kernels.Root(double) in 'src/Kernels.cs'");
    }

    [TestMethod]
    public void Rewrite_SignatureChangedInSource_MessageShowsBothSignatures()
    {
        var source = Kernels.Replace("public static double Root(double x)", "public static float Root(double x)");

        var refused = Assert.ThrowsExactly<PublishRefusedException>(() => MethodRewriter.Rewrite(source, Requests.Root()));

        Assert.AreEqual(RefusalReasons.CandidateDoesNotApply, refused.Reason);
        StringAssert.Contains(refused.Message, "public static float Root(double)");
        StringAssert.Contains(refused.Message, "public static double Root(double)");
    }

    [TestMethod]
    public void Rewrite_MethodMissing_RefusesPinNotFoundListingTheMethods()
    {
        var source = Kernels.Replace("Root(double x)", "SquareRoot(double x)");

        var refused = Assert.ThrowsExactly<PublishRefusedException>(() => MethodRewriter.Rewrite(source, Requests.Root()));

        Assert.AreEqual(RefusalReasons.PinNotFound, refused.Reason);
        StringAssert.Contains(refused.Message, "Kernels.Root(double) is not declared in 'src/Kernels.cs'");
        StringAssert.Contains(refused.Message, "Kernels.SquareRoot(double)");
        Assert.IsFalse(refused.Message.Contains("(Parameter", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Rewrite_OverloadsDifferingOnlyByNamespace_RefusesPinNotFoundAsAmbiguous()
    {
        const string source = "class C\n{\n    void M(A.Item i) { }\n    void M(B.Item i) { }\n}\n";
        var pin = new PinRewrite("C.cs", "C.M(Item)", "void M(A.Item i) { return; }", "diff://b3:c", "C.M: faster");

        var refused = Assert.ThrowsExactly<PublishRefusedException>(() => MethodRewriter.Rewrite(source, pin));

        Assert.AreEqual(RefusalReasons.PinNotFound, refused.Reason);
        StringAssert.Contains(refused.Message, "matches 2 methods");
    }

    [TestMethod]
    public void Rewrite_MethodChangedSinceTheBaseline_RefusesCandidateDoesNotApply()
    {
        var source = Kernels.Replace("i < 40", "i < 50");
        var pin = Requests.Root() with { BaselineMethod = SampleSources.RootBefore };

        var refused = Assert.ThrowsExactly<PublishRefusedException>(() => MethodRewriter.Rewrite(source, pin));

        Assert.AreEqual(RefusalReasons.CandidateDoesNotApply, refused.Reason);
        StringAssert.Contains(refused.Message, "has changed since the candidate was made");
    }

    [TestMethod]
    public void Rewrite_BaselineEqualUpToLayoutAndComments_Rewrites()
    {
        var baseline = "public static double Root(double x) { var guess = x / 2; for (var i = 0; i < 40; i++) { guess = 0.5 * (guess + x / guess); } return guess; }";
        var pin = Requests.Root() with { BaselineMethod = baseline };

        Assert.AreEqual(Kernels.Replace(SampleSources.RootBefore, SampleSources.RootAfter), MethodRewriter.Rewrite(Kernels, pin));
    }

    [TestMethod]
    public void Rewrite_QualifiedNameWithoutParameters_ThrowsArgumentException()
    {
        var pin = Requests.Root() with { QualifiedName = "Kernels.Root" };

        var thrown = Assert.ThrowsExactly<ArgumentException>(() => MethodRewriter.Rewrite(Kernels, pin));

        StringAssert.Contains(thrown.Message, "Kernels.Root(double)");
    }

    [TestMethod]
    public void RewriteAll_SameMethodTwice_RefusesDuplicatePin()
    {
        var second = Requests.Root() with { QualifiedName = "Kernels.Root( double )" };

        var refused = Assert.ThrowsExactly<PublishRefusedException>(() => MethodRewriter.RewriteAll(Kernels, [Requests.Root(), second]));

        Assert.AreEqual(RefusalReasons.DuplicatePin, refused.Reason);
    }
}
