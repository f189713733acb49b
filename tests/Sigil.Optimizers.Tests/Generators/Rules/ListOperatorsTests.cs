using Sigil.Optimizers.Tests.Support;
using static Sigil.Optimizers.Tests.Generators.Rules.RuleTestSupport;

namespace Sigil.Optimizers.Tests.Generators.Rules;

[TestClass]
public sealed class ListOperatorsTests
{
    private static readonly string File = Samples.Class("""
        public static int[] Doubled(int[] values)
        {
            var result = new List<int>();
            for (var i = 0; i < values.Length; i++)
            {
                result.Add(values[i] * 2);
            }
            var last = result.Count - 1;
            return result.ToArray();
        }
        public static List<string> Names(List<int> ids)
        {
            List<string> names = new();
            foreach (var id in ids)
            {
                if (id > 0)
                {
                    names.Add("n" + id);
                }
            }
            return names;
        }
        public static List<int> Kept(int[] values)
        {
            var kept = new List<int>();
            for (var i = 0; i < values.Length; i++)
            {
                kept.Add(values[i]);
            }
            return kept;
        }
        public static int Unknown(IEnumerable<int> values)
        {
            var list = new List<int>();
            foreach (var v in values)
            {
                list.Add(v);
            }
            return list.Count;
        }
        """);

    [TestMethod]
    public void ListToArray_CountedLoopAndReadOnlyUse_BecomesAnArray()
    {
        var result = Propose(File, "Doubled", "list-to-array");

        Assert.AreEqual("""
            public static int[] Doubled(int[] values)
            {
                var result = new int[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    result[i] = values[i] * 2;
                }
                var last = result.Length - 1;
                return result;
            }
            """, MethodOf(result.Answer!));
        Behaviour.AssertSame(File, Apply(File, "Doubled", result.Answer!), "Sample", "Doubled", [new[] { 1, 2, 3 }], [Array.Empty<int>()]);
    }

    [TestMethod]
    public void ListToArray_ListEscapesOrLoopUnknown_IsNotApplicable()
    {
        StringAssert.Contains(NotApplicable(File, "Kept", "list-to-array"), "used as a list after the loop (`return kept;`)");
        StringAssert.Contains(NotApplicable(File, "Names", "list-to-array"), "not filled by a for loop");
        StringAssert.Contains(NotApplicable(File, "Unknown", "list-to-array"), "no bound evident");
    }

    [TestMethod]
    public void ListCapacity_ForeachOverList_PreallocatesTheCount()
    {
        var result = Propose(File, "Names", "list-capacity");

        StringAssert.Contains(MethodOf(result.Answer!), "    List<string> names = new(ids.Count);\n");
        Behaviour.AssertSame(File, Apply(File, "Names", result.Answer!), "Sample", "Names", [new List<int> { 1, -2, 3 }], [new List<int>()]);
    }

    [TestMethod]
    public void ListCapacity_ExplicitCreation_GetsTheLoopBound()
    {
        var result = Propose(File, "Kept", "list-capacity");

        StringAssert.Contains(MethodOf(result.Answer!), "var kept = new List<int>(values.Length);");
        Apply(File, "Kept", result.Answer!);
    }

    [TestMethod]
    public void ListCapacity_UnknownCollection_IsNotApplicable() =>
        StringAssert.Contains(NotApplicable(File, "Unknown", "list-capacity"), "no bound evident");
}
