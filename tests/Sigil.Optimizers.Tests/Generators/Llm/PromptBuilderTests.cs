using Sigil.Candidates;
using Sigil.Optimizers.Generators;
using Sigil.Optimizers.Generators.Llm;

namespace Sigil.Optimizers.Tests.Generators.Llm;

[TestClass]
public sealed class PromptBuilderTests
{
    private static ChatPrompt Build(GenerationRequest request, PromptLimits? limits = null) =>
        PromptBuilder.Build(request, MasterPrompt.Default, PromptVariants.Default, "optimize", limits);

    [TestMethod]
    public void Build_SameRequest_SameTextAndDigest()
    {
        var request = LlmTestData.RootRequest();

        Assert.AreEqual(Build(request), Build(request));
        Assert.AreEqual(Build(request).Digest, Build(request).Digest);
        Assert.AreNotEqual(Build(request).Digest, Build(request with { SampleSketches = ["x=3"] }).Digest);
    }

    [TestMethod]
    public void Build_ParentAndInspirations_AreShownWithTheParentAsStartingPoint()
    {
        var request = LlmTestData.RootRequest() with
        {
            ParentSource = "public static double Root(double x) => Math.Sqrt(x);",
            Inspirations = [new Inspiration("public static double Root(double x) => x;", -4, "diff://b3:abc")],
        };

        var user = Build(request).User;

        StringAssert.Contains(user, "# Version to improve (start from this one)\n```csharp\npublic static double Root(double x) => Math.Sqrt(x);\n```");
        StringAssert.Contains(user, "## Candidate 1 (diff://b3:abc), score -4");
        StringAssert.Contains(user, "against the version to improve");
    }

    [TestMethod]
    public void Build_LongParts_AreCutAndSaySo()
    {
        var request = LlmTestData.RootRequest() with
        {
            SampleSketches = Enumerable.Range(0, 30).Select(i => $"x={i}").ToList(),
            PreviousFailures = Enumerable.Range(0, 8).Select(i => PreviousFailure.From(new CandidateFailure(CandidateFailureKind.NoChange, $"failure {i}"))).ToList(),
        };

        var user = Build(request, PromptLimits.Default with { MaxSketches = 5, MaxFailures = 2, MaxContextChars = 100 }).User;

        StringAssert.Contains(user, "- x=4\n- … and 25 more");
        Assert.IsFalse(user.Contains("- x=5\n", StringComparison.Ordinal));
        StringAssert.Contains(user, "(the last 2 of 8)\n1. [NoChange] failure 6\n2. [NoChange] failure 7");
        StringAssert.Contains(user, "more characters; the rest of the type is not shown");
    }

    [TestMethod]
    public void Build_SourceWithBackticks_UsesALongerFence()
    {
        var request = LlmTestData.RootRequest() with { MethodSource = "public static string F() => \"```\";" };

        StringAssert.Contains(Build(request).User, "````csharp\npublic static string F() => \"```\";\n````");
    }
}
