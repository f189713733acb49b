using Sigil.Optimizers.Generators.Rules;

namespace Sigil.Optimizers.Tests.Generators.Rules;

[TestClass]
public sealed class NumericLiteralsTests
{
    private const string Root = """
        public static double Root(double x)
        {
            if (x <= 0)
            {
                return 0;
            }
            var guess = x / 2 + 1;
            for (var i = 0; i < 40; i++)
            {
                guess = 0.5 * (guess + x / guess);
            }
            return guess;
        }
        """;

    [TestMethod]
    public void Find_Root_ListsEveryLiteralInOrder()
    {
        var literals = NumericLiterals.Find(Root);

        CollectionAssert.AreEqual(new[] { "0", "0", "2", "1", "0", "40", "0.5" }, literals.Select(l => l.Text).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 7).ToArray(), literals.Select(l => l.Index).ToArray());
        Assert.AreEqual(5, literals.Single(l => l.InLoopCondition).Index);
        Assert.AreEqual(NumericKind.Double, literals[6].Kind);
        Assert.IsTrue(literals[5].IsInteger);
        Assert.AreEqual("40", Root.Substring(literals[5].Span.Start, literals[5].Span.Length));
    }

    [TestMethod]
    public void WithValues_SetsTheGivenLiterals()
    {
        var changed = NumericLiterals.WithValues(Root, new Dictionary<int, double> { [5] = 10.4, [6] = 0.25 });

        StringAssert.Contains(changed, "i < 10;");
        StringAssert.Contains(changed, "guess = 0.25 * (guess");
        Assert.AreEqual(Root.Replace("i < 40;", "i < 10;").Replace("0.5 *", "0.25 *"), changed, "only the two literals changed");
    }

    [TestMethod]
    [DataRow("long F() => 3L;", 5.0, "5L")]
    [DataRow("double F() => 2.0;", 3.0, "3.0")]
    [DataRow("double F() => 2d;", 3.0, "3d")]
    [DataRow("double F() => 1e-9;", 2e-9, "2E-09")]
    [DataRow("float F() => 1.5f;", 0.75, "0.75f")]
    [DataRow("decimal F() => 1.5m;", 2.25, "2.25m")]
    [DataRow("int F() => 7;", -3.0, "(-3)")]
    [DataRow("int F() => 7;", 1e12, "2147483647")]
    [DataRow("uint F() => 7u;", -3.0, "0u")]
    public void Format_Value_KeepsTypeAndSuffix(string method, double value, string expected) =>
        Assert.AreEqual(expected, NumericLiterals.Format(NumericLiterals.Find(method)[0], value));

    [TestMethod]
    public void Find_SkipsHexAttributesAndCaseLabels()
    {
        const string method = """
            [Obsolete("x", false)]
            public static int F(int x)
            {
                switch (x)
                {
                    case 3: return 0x10;
                }
                return x is 4 ? 5 : 6;
            }
            """;

        CollectionAssert.AreEqual(new[] { "5", "6" }, NumericLiterals.Find(method).Select(l => l.Text).ToArray());
    }

    [TestMethod]
    public void WithValues_BadInput_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => NumericLiterals.WithValues(Root, new Dictionary<int, double> { [7] = 1 }));
        Assert.ThrowsExactly<ArgumentException>(() => NumericLiterals.WithValues(Root, new Dictionary<int, double> { [6] = double.NaN }));
        Assert.ThrowsExactly<ArgumentException>(() => NumericLiterals.Find("not a method"));
    }
}
