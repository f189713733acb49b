using Sigil.Core.Identity;

namespace Sigil.Core.Tests.Identity;

[TestClass]
public sealed class CandidateIdTests
{
    private const string Diff = "--- a/Kernels.cs\n+++ b/Kernels.cs\n@@ -1 +1 @@\n-    return x*x;\n+    return x * x;\n";
    private const string Patch = "sigil-ast-patch/v1\n";

    // Fixed vector: BLAKE3 of the documented preimage, computed independently with b3sum 1.2.0 (Debian).
    private const string Expected = "diff://b3:3462fe26381e0a8d83366f97e69c2867bb30326adb5b0dd2587de3c350643f12";

    [TestMethod]
    public void Compute_FixedVector_MatchesIndependentBlake3()
    {
        Assert.AreEqual(Expected, CandidateId.Compute(Diff, Patch).ToString());
    }

    [TestMethod]
    public void Compute_CrlfDiff_SameIdAsLf()
    {
        Assert.AreEqual(CandidateId.Compute(Diff, Patch), CandidateId.Compute(Diff.Replace("\n", "\r\n"), Patch));
    }

    [TestMethod]
    public void Compute_AnyChange_ChangesTheId()
    {
        var baseline = CandidateId.Compute(Diff, Patch);

        Assert.AreNotEqual(baseline, CandidateId.Compute(Diff.Replace("x * x", "x * y"), Patch));
        Assert.AreNotEqual(baseline, CandidateId.Compute(Diff, Patch + " "));
        Assert.AreNotEqual(CandidateId.Compute("ab", "c"), CandidateId.Compute("a", "bc"), "parts are length-prefixed");
    }

    [TestMethod]
    public void Parse_RoundTrips()
    {
        Assert.AreEqual(Expected, CandidateId.Parse(Expected).ToString());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("diff://b3:")]
    [DataRow("diff://sha256:3462fe26381e0a8d83366f97e69c2867bb30326adb5b0dd2587de3c350643f12")]
    [DataRow("diff://b3:3462fe26381e0a8d83366f97e69c2867bb30326adb5b0dd2587de3c350643f1")]
    [DataRow("diff://b3:3462FE26381E0A8D83366F97E69C2867BB30326ADB5B0DD2587DE3C350643F12")]
    [DataRow("diff://b3:3462fe26381e0a8d83366f97e69c2867bb30326adb5b0dd2587de3c350643f12 ")]
    public void Parse_Malformed_ThrowsWithTheExpectedForm(string text)
    {
        var error = Assert.ThrowsExactly<IdentityFormatException>(() => CandidateId.Parse(text));

        StringAssert.Contains(error.Message, "diff://b3:<digest>");
        Assert.IsFalse(CandidateId.TryParse(text, out _));
    }
}
