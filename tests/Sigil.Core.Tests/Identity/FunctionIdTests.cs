using Sigil.Core.Identity;

namespace Sigil.Core.Tests.Identity;

[TestClass]
public sealed class FunctionIdTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private const string Abi = "960f5b672b37e5e70de103ac30eb71198e16c3086dda79f3473353e8aa1c6e65";
    private const string Text = "sigil://QuickStart@" + Commit + "/QuickStart:Kernels.Root(double)#" + Abi;

    [TestMethod]
    public void Parse_WellFormed_SplitsEveryPart()
    {
        var id = FunctionId.Parse(Text);

        Assert.AreEqual("QuickStart", id.Package);
        Assert.AreEqual(Commit, id.Commit);
        Assert.AreEqual("QuickStart", id.Module);
        Assert.AreEqual("Kernels.Root(double)", id.QualifiedName);
        Assert.AreEqual(Abi, id.AbiHash);
    }

    [TestMethod]
    [DataRow(Text)]
    [DataRow("sigil://My.Lib-2@" + Commit + "/global:Program.<Main>$(string[])#" + Abi)]
    [DataRow("sigil://A@" + Commit + "0123456789abcdef01234567" + "/N.S:Outer.Inner.M(System.Collections.Generic.List<int>,int?)#" + Abi)]
    public void ToString_AfterParse_RoundTrips(string text)
    {
        Assert.AreEqual(text, FunctionId.Parse(text).ToString());
        Assert.AreEqual(FunctionId.Parse(text), FunctionId.Parse(FunctionId.Parse(text).ToString()));
    }

    [TestMethod]
    [DataRow("", "empty")]
    [DataRow("http://QuickStart@x/y:z#a", "does not start with 'sigil://'")]
    [DataRow("sigil://QuickStart/QuickStart:Kernels.Root()#" + Abi, "missing one of")]
    [DataRow("sigil://QuickStart@abc123/QuickStart:Kernels.Root()#" + Abi, "<git-commit>")]
    [DataRow("sigil://QuickStart@" + Commit + "/Quick Start:Kernels.Root()#" + Abi, "<module>")]
    [DataRow("sigil://QuickStart@" + Commit + "/QuickStart:Kernels.Root(int, int)#" + Abi, "<qualname>")]
    [DataRow("sigil://QuickStart@" + Commit + "/QuickStart:Kernels.Root()#abi-xyz", "<abi-hash>")]
    [DataRow("sigil://QuickStart@" + Commit + "/QuickStart:Kernels.Root()#" + "960F5B672B37E5E70DE103AC30EB71198E16C3086DDA79F3473353E8AA1C6E65", "<abi-hash>")]
    [DataRow("sigil://Quick$tart@" + Commit + "/QuickStart:Kernels.Root()#" + Abi, "<package>")]
    public void Parse_Malformed_ThrowsNamingThePart(string text, string expectedFragment)
    {
        var error = Assert.ThrowsExactly<IdentityFormatException>(() => FunctionId.Parse(text));

        StringAssert.Contains(error.Message, expectedFragment);
        StringAssert.Contains(error.Message, "sigil://<package>@<git-commit>/<module>:<qualname>#<abi-hash>");
        Assert.IsFalse(FunctionId.TryParse(text, out var id));
        Assert.IsNull(id);
    }

    [TestMethod]
    public void Create_InvalidPart_Throws()
    {
        Assert.ThrowsExactly<IdentityFormatException>(() => FunctionId.Create("pkg", "nothex", "Mod", "T.M()", Abi));
        Assert.AreEqual(Text, FunctionId.Create("QuickStart", Commit, "QuickStart", "Kernels.Root(double)", Abi).ToString());
    }

    [TestMethod]
    public void NoCommit_IsFortyZeros_AndValid()
    {
        Assert.AreEqual(new string('0', 40), FunctionId.NoCommit);
        Assert.IsTrue(FunctionId.TryParse($"sigil://P@{FunctionId.NoCommit}/global:T.M()#{Abi}", out _));
    }
}
