using Sigil.Candidates.Building;
using Sigil.Candidates.Deduplication;
using Sigil.Candidates.Tests.Fixtures;
using Sigil.Candidates.Tests.Support;

namespace Sigil.Candidates.Tests.Deduplication;

[TestClass]
public sealed class CandidateDeduplicatorTests
{
    private static readonly Candidate Plain = Build(Answers.Block("        for (var i = 0; i < 40; i++)", "        for (var i = 0; i < 8; i++)"));
    private static readonly Candidate Commented = Build(Answers.Block("        for (var i = 0; i < 40; i++)", "        for (var i = 0; i < 8; i++) // fewer steps"));
    private static readonly Candidate Other = Build(Answers.Block("        for (var i = 0; i < 40; i++)", "        for (var i = 0; i < 6; i++)"));

    [TestMethod]
    public void CheckAndAdd_NewCandidate_NoneAndRecorded()
    {
        var seen = new CandidateDeduplicator();

        var first = seen.CheckAndAdd(Plain);

        Assert.AreEqual(DuplicateCheck.New, first);
        Assert.IsFalse(first.IsDuplicate);
        Assert.AreEqual(1, seen.Count);
    }

    [TestMethod]
    public void CheckAndAdd_SameCandidateAgain_SameCandidateId()
    {
        var seen = new CandidateDeduplicator();
        seen.CheckAndAdd(Plain);

        var again = seen.CheckAndAdd(Plain);

        Assert.AreEqual(new DuplicateCheck(DuplicateKind.SameCandidateId, Plain.Id), again);
    }

    [TestMethod]
    public void CheckAndAdd_SameCodeOtherComment_SameNormalizedKeyPointingAtTheFirst()
    {
        var seen = new CandidateDeduplicator();
        seen.CheckAndAdd(Plain);

        var commented = seen.CheckAndAdd(Commented);
        var again = seen.CheckAndAdd(Commented);

        Assert.AreEqual(new DuplicateCheck(DuplicateKind.SameNormalizedKey, Plain.Id), commented);
        Assert.AreEqual(new DuplicateCheck(DuplicateKind.SameCandidateId, Plain.Id), again);
        Assert.AreEqual(1, seen.Count);
    }

    [TestMethod]
    public void Check_OtherCode_NoneAndNotRecorded()
    {
        var seen = new CandidateDeduplicator();
        seen.CheckAndAdd(Plain);

        Assert.AreEqual(DuplicateKind.None, seen.Check(Other).Kind);
        Assert.AreEqual(DuplicateKind.None, seen.Check(Other).Kind);
        Assert.AreEqual(1, seen.Count);
    }

    [TestMethod]
    public void Add_SeededFromAStoredPatch_RecognizesTheCandidate()
    {
        var seen = new CandidateDeduplicator();

        seen.Add(Plain.Id, CandidateBuilder.ComputeNormalizedKey(Plain.AstPatch));

        Assert.AreEqual(DuplicateKind.SameCandidateId, seen.Check(Plain).Kind);
        Assert.AreEqual(DuplicateKind.SameNormalizedKey, seen.Check(Commented).Kind);
    }

    [TestMethod]
    public void CheckAndAdd_ManyThreadsSameCandidate_ExactlyOneIsNew()
    {
        var seen = new CandidateDeduplicator();

        var results = Enumerable.Range(0, 64).AsParallel().Select(i => seen.CheckAndAdd(i % 2 == 0 ? Plain : Commented)).ToList();

        Assert.AreEqual(1, results.Count(r => !r.IsDuplicate));
    }

    private static Candidate Build(string answer) =>
        (Candidate)CandidateBuilder.Build(QuickStart.Sources(), QuickStart.RootPin, answer);
}
