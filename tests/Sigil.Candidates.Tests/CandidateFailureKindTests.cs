namespace Sigil.Candidates.Tests;

[TestClass]
public sealed class CandidateFailureKindTests
{
    [TestMethod]
    public void Values_AreStable_BecauseTheyAreStored()
    {
        var expected = new Dictionary<string, int>
        {
            ["Empty"] = 1, ["NoEditFound"] = 2, ["MalformedBlock"] = 3, ["NotCSharp"] = 4, ["NotOneMethod"] = 5,
            ["UnknownFile"] = 6, ["EmptySearch"] = 7, ["SearchNotFound"] = 8, ["SearchAmbiguous"] = 9, ["ParseError"] = 10,
            ["SignatureChanged"] = 11, ["PinAttributeChanged"] = 12, ["OutOfScope"] = 13, ["NoChange"] = 14,
        };

        var actual = Enum.GetValues<CandidateFailureKind>().ToDictionary(k => k.ToString(), k => (int)k);

        CollectionAssert.AreEquivalent(expected.ToArray(), actual.ToArray());
    }

    [TestMethod]
    public void ToString_KindThenMessage()
    {
        Assert.AreEqual("NoChange: nothing", new CandidateFailure(CandidateFailureKind.NoChange, "nothing").ToString());
    }
}
