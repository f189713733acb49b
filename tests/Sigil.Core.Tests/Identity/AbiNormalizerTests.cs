using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sigil.Core.Hashing;
using Sigil.Core.Identity;

namespace Sigil.Core.Tests.Identity;

[TestClass]
public sealed class AbiNormalizerTests
{
    private static string Normalize(string source) =>
        AbiNormalizer.NormalizeMethod(CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single());

    private const string Method = """
        class K
        {
            [Improve("spec", Eval = nameof(E))]
            public static int Square(int x) => x * x;
        }
        """;

    [TestMethod]
    public void NormalizeMethod_DropsLayoutCommentsAndOwnAttributes()
    {
        Assert.AreEqual("public static int Square ( int x ) => x * x ;", Normalize(Method));
    }

    [TestMethod]
    public void NormalizeMethod_WhitespaceAndComments_DoNotChangeIt()
    {
        var reformatted = """
            class K {
                // a comment
                [Improve("other", Workspace = "v9")]
                public   static int
                    Square( int x )   /* inline */ =>x*x;
            }
            """;

        Assert.AreEqual(Normalize(Method), Normalize(reformatted));
    }

    [TestMethod]
    [DataRow("public static int Square(int x) => x * x + 0;")]
    [DataRow("public static int Square(int y) => y * y;")]
    [DataRow("public static long Square(int x) => x * x;")]
    [DataRow("internal static int Square(int x) => x * x;")]
    [DataRow("public static int Square(int x) => x*1 * x;")]
    public void NormalizeMethod_AnyTokenChange_ChangesIt(string variant)
    {
        Assert.AreNotEqual(Normalize(Method), Normalize("class K { " + variant + " }"));
    }

    [TestMethod]
    public void AbiPreimage_FixedVector_MatchesIndependentBlake3()
    {
        var preimage = AbiPreimage.Build(Normalize(Method), "14.0", "net10.0", ".NETCoreApp,Version=v10.0", ["System.Runtime/10.0.0.0"]);

        // BLAKE3 of this exact text computed with b3sum 1.2.0 (Debian), independently of the code under test.
        Assert.AreEqual("960f5b672b37e5e70de103ac30eb71198e16c3086dda79f3473353e8aa1c6e65", Blake3Digest.Hex(preimage));
    }

    [TestMethod]
    public void AbiPreimage_ReferencesInAnyOrder_SameText_ButVersionsMatter()
    {
        var a = AbiPreimage.Build("m", "14.0", "net10.0", "fw", ["B/1.0.0.0", "A/2.0.0.0"]);
        var b = AbiPreimage.Build("m", "14.0", "net10.0", "fw", ["A/2.0.0.0", "B/1.0.0.0", "A/2.0.0.0"]);
        var c = AbiPreimage.Build("m", "14.0", "net10.0", "fw", ["A/2.0.0.1", "B/1.0.0.0"]);

        Assert.AreEqual(a, b);
        Assert.AreNotEqual(a, c);
        Assert.AreNotEqual(a, AbiPreimage.Build("m", "14.0", "net9.0", "fw", ["A/2.0.0.0", "B/1.0.0.0"]));
    }

    [TestMethod]
    public void NormalizeMethodSource_NotAMethod_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => AbiNormalizer.NormalizeMethodSource("int x = 3;"));
        Assert.AreEqual("int F ( ) => 1 ;", AbiNormalizer.NormalizeMethodSource("int F() =>   1;"));
    }
}
