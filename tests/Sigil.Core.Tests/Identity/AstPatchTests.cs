using Sigil.Core.Identity;

namespace Sigil.Core.Tests.Identity;

[TestClass]
public sealed class AstPatchTests
{
    [TestMethod]
    public void ToCanonicalString_TargetsInAnyOrder_SameText()
    {
        var a = new AstPatch().Replace("K.B()", "old b", "new b").Replace("K.A()", "old a", "new a");
        var b = new AstPatch().Replace("K.A()", "old a", "new a").Replace("K.B()", "old b", "new b");

        Assert.AreEqual(a.ToCanonicalString(), b.ToCanonicalString());
        StringAssert.StartsWith(a.ToCanonicalString(), "sigil-ast-patch/v1\nreplace K.A()\nbefore b3:");
    }

    [TestMethod]
    public void Replace_SameTargetTwice_Throws()
    {
        var patch = new AstPatch().Replace("K.A()", "x", "y");

        Assert.ThrowsExactly<ArgumentException>(() => patch.Replace("K.A()", "x", "z"));
        Assert.ThrowsExactly<ArgumentException>(() => patch.Replace(" ", "x", "z"));
        Assert.IsFalse(patch.IsEmpty);
        Assert.IsTrue(new AstPatch().IsEmpty);
    }
}
