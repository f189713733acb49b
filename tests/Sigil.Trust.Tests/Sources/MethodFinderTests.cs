using Sigil.Trust.Errors;
using Sigil.Trust.Sources;

namespace Sigil.Trust.Tests.Sources;

[TestClass]
public sealed class MethodFinderTests
{
    private const string Source = """
        using System.Collections.Generic;
        namespace N;
        public static class Outer
        {
            public static class Inner
            {
                /// <summary>Doc.</summary>
                [Obsolete] public static int M(int x) => x;
                public static int M(System.Collections.Generic.List<System.Int32> xs) => xs.Count;
                public static int M(string? s) => 0;
                public static int Twice(int a) => a;
            }
            public static int Twice(int a) => a * 2;
        }
        """;

    [TestMethod]
    [DataRow("Outer.Inner.M(int)", "[Obsolete] public static int M(int x) => x;")]
    [DataRow("Outer.Inner.M(List<int>)", "public static int M(System.Collections.Generic.List<System.Int32> xs) => xs.Count;")]
    [DataRow("Outer.Inner.M(string)", "public static int M(string? s) => 0;")]
    [DataRow("Outer.Twice(int)", "public static int Twice(int a) => a * 2;")]
    [DataRow("Outer.Inner.Twice(System.Int32)", "public static int Twice(int a) => a;")]
    public void Find_MatchesTypesNameAndParameters(string qualname, string expected) =>
        Assert.AreEqual(expected, MethodFinder.FindText(Source, qualname, "N.cs"));

    [TestMethod]
    public void Find_ReturnsNullWhenAbsent_AndRefusesAmbiguity()
    {
        Assert.IsNull(MethodFinder.FindText(Source, "Outer.Missing(int)", "N.cs"));
        Assert.IsNull(MethodFinder.FindText(Source, "Inner.M(int)", "N.cs"));
        Assert.ThrowsExactly<TrustException>(() => MethodFinder.FindText(Source, "Outer.Inner.M", "N.cs"));
    }
}
